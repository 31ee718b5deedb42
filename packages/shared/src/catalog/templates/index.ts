import type { Template } from '../types.ts'
import { DYNAMO_KV } from './dynamo-kv.ts'
import { EDGE_IOT } from './edge-iot.ts'
import { FEDERATED_LEARNING } from './federated-learning.ts'
import { KAFKA_STREAMING } from './kafka-streaming.ts'
import { LOCAL_FIRST } from './local-first.ts'
import { PARAMETER_SERVER } from './parameter-server.ts'
import { THREE_TIER_WEB } from './three-tier-web.ts'

/** The templates offered in the library, in order. */
export const TEMPLATES: Template[] = [THREE_TIER_WEB, DYNAMO_KV, KAFKA_STREAMING, PARAMETER_SERVER, EDGE_IOT, FEDERATED_LEARNING, LOCAL_FIRST]
