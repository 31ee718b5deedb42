import type { Template } from '../types.ts'
import { THREE_TIER_WEB } from './three-tier-web.ts'

export const TEMPLATES: Template[] = [THREE_TIER_WEB]
