export {
  describeTranslationProviderContract,
  type ProviderUnderTest,
} from './translation-provider.contract';
export { GoogleTranslateStandIn, type GoogleStandInAuth } from './google-translate-stand-in';
export { LibreTranslateStandIn } from './libretranslate-stand-in';
export { StandInServer, type ReceivedRequest, type StandInAnswer } from './stand-in-server';
