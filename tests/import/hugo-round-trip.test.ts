import { describeRoundTrip } from './static-site-round-trip.js';

describeRoundTrip('hugo');
