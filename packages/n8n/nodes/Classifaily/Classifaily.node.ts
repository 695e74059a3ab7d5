import { catalog } from '@classifaily/core';
import {
  VersionedNodeType,
  type INodeTypeBaseDescription,
  type IVersionedNodeType,
} from 'n8n-workflow';

import { classifailyIcon } from './icon';
import { ClassifailyV1 } from './v1/ClassifailyV1.node';
import { ClassifailyV2 } from './v2/ClassifailyV2.node';

// Versioned from the start (like n8n's own Switch node): new behaviour goes into a new version, and
// saved workflows keep running the version they were built with.
export class Classifaily extends VersionedNodeType {
  constructor() {
    const baseDescription: INodeTypeBaseDescription = {
      displayName: catalog.service.name,
      name: 'classifaily',
      icon: classifailyIcon,
      group: ['transform'],
      description: catalog.service.description,
      defaultVersion: 2,
    };
    const nodeVersions: IVersionedNodeType['nodeVersions'] = {
      1: new ClassifailyV1(),
      2: new ClassifailyV2(),
    };
    super(nodeVersions, baseDescription);
  }
}
