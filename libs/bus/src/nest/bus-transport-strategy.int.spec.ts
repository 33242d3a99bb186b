import { describeBusTransportStrategy, describeOnKafka, testKafkaBus } from '../testing';

describeOnKafka('BusTransportStrategy', () => {
  describeBusTransportStrategy('the Kafka bus', testKafkaBus);
});
