import { describeBusContract, describeOnKafka, testKafkaBus } from '../testing';

describeOnKafka('Kafka bus', () => {
  describeBusContract('kafka', testKafkaBus);
});
