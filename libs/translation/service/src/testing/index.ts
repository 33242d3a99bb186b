/**
 * The translation service's stand-ins for specs in other projects (flow specs): a LibreTranslate
 * server and an OpenAI-compatible one, local HTTP servers the real clients talk to.
 */
export { LibreTranslateStandIn } from '../providers/testing/libretranslate-stand-in';
export {
  startOpenAiStandIn,
  type OpenAiStandIn,
  type StandInAnswer,
} from '../chat-completion/testing/openai-stand-in';
