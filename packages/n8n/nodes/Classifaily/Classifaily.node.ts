import { VersionedNodeType } from 'n8n-workflow';

import { baseDescription } from './description';
import { ClassifailyV1 } from './v1/ClassifailyV1.node';
import { ClassifailyV2 } from './v2/ClassifailyV2.node';

// Versioned from the start (like n8n's own Switch node): new behaviour goes into a new version, and
// saved workflows keep running the version they were built with. Every version spreads the base
// description (description.ts).
export class Classifaily extends VersionedNodeType {
  constructor() {
    super({ 1: new ClassifailyV1(), 2: new ClassifailyV2() }, baseDescription);
  }
}
