import { TinyldLanguageDetector } from './tinyld-language-detector';

describe('TinyldLanguageDetector', () => {
  const detector = new TinyldLanguageDetector();

  it.each([
    ['Привет, как дела? Хочу купить ваш товар', 'ru'],
    ['Какая цена доставки в Москву?', 'ru'],
    ['Здравствуйте', 'ru'],
    ['Hello, how are you? I want to buy this', 'en'],
    ['What is the delivery price?', 'en'],
    ['I have a question', 'en'],
    ['Hola, ¿cómo estás? Quiero comprar esto', 'es'],
    ['¿Cuál es el precio del envío?', 'es'],
    ['Tengo una pregunta', 'es'],
    ['Check https://example.com/order/123 please, thanks a lot', 'en'],
  ])('given %p, then it detects %p', (text, language) => {
    expect(detector.detect(text)).toBe(language);
  });

  it.each([
    ['', 'empty'],
    ['ok', 'too short'],
    ['Привет', 'one short word'],
    ['Gracias', 'one short word tinyld reads as Esperanto'],
    ['👍👍👍 🎉', 'emoji only'],
    ['+7 999 123-45-67', 'numbers only'],
    ['12345 67890 100500', 'numbers only'],
    ['lol lol lol lol', 'one syllable repeated'],
    ['https://example.com/products/42?ref=abc', 'a link only'],
    ['@parley_support #order', 'a mention and a tag only'],
    ['Да, конечно', 'Serbian and Bulgarian within a percent of each other'],
  ])('given %p (%s), then it is unsure: null', (text) => {
    expect(detector.detect(text)).toBeNull();
  });

  it('given a narrower language list, then it answers only from that list', () => {
    const russianOrEnglish = new TinyldLanguageDetector({ languages: ['ru', 'en'] });
    expect(russianOrEnglish.detect('Hola, ¿cómo estás? Quiero comprar esto')).not.toBe('es');
    expect(russianOrEnglish.detect('Какая цена доставки в Москву?')).toBe('ru');
  });
});
