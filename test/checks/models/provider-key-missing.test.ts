import providerKey from '../../../checks/models/provider-key-missing.js';
import { quietOn, testCheck } from '../../helpers/check-tester.js';

testCheck(providerKey, {
  valid: quietOn(['subsystems-models/keys']),
  invalid: [
    {
      fixture: 'subsystems-models/keys',
      findings: [
        {
          severity: 'error',
          messageId: 'models/provider-key-missing.provider-has-no',
          params: { id: 'cloud', baseUrl: 'https://api.example.invalid/v1', path: 'models.providers.cloud.apiKey', envRef: "'${CLOUD_API_KEY}'" },
          path: 'models.providers.cloud.apiKey',
        },
        { severity: 'error', messageId: 'models/provider-key-missing.provider-apikey-refers', params: { id: 'env', keyEnv: 'OC_FIXTURE_UNSET_KEY' }, path: 'models.providers.env.apiKey' },
      ],
    },
  ],
});
