import permissionRequired from '../../../checks/nodes/permission-required.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(permissionRequired, {
  valid: quietOn(['subsystems-nodes/permission-required']),
  invalid: [
    {
      fixture: 'subsystems-nodes/permission-required',
      findings: [
        { severity: 'warning', messageId: 'nodes/permission-required.node-failed', params: { nodeId: 'n1', command: 'screen.record', code: 'NODE_BACKGROUND_UNAVAILABLE' }, fixHintId: 'nodes/permission-required.background.fix' },
        { severity: 'warning', messageId: 'nodes/permission-required.node-failed', params: { nodeId: 'n1', command: 'camera.snap', code: 'CAMERA_PERMISSION_REQUIRED' }, fixHintId: 'nodes/permission-required.grant.fix' },
        {
          severity: 'warning',
          messageId: 'nodes/permission-required.node-declares-but',
          params: { nodeId: 'n1', cmd: 'location.get', permission: 'location', code: 'LOCATION_PERMISSION_REQUIRED', node: 'Pixel' },
        },
      ],
    },
  ],
});
