// The stand-in package's own test harness: a stand-in and an unmodified @hubspot/api-client pointed at it.
export { startHarness, type Harness } from '../../sandbox/test/helpers';
