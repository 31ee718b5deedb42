import type { Template } from '../types.ts'
import { DYNAMO_KV } from './dynamo-kv.ts'
import { KAFKA_STREAMING } from './kafka-streaming.ts'
import { THREE_TIER_WEB } from './three-tier-web.ts'

/** The templates offered in the library, in order. */
export const TEMPLATES: Template[] = [THREE_TIER_WEB, DYNAMO_KV, KAFKA_STREAMING]
