import { runRuleTests, VM } from './support.js';

// The VM mutating webhook refuses a matcher whose inferFromVolume names no volume
// (pkg/instancetype/infer/volume.go: "unable to find volume %s to infer defaults").
const inferMissing = VM.replace('  runStrategy: Always\n', '  runStrategy: Always\n  instancetype:\n    inferFromVolume: missing\n');

runRuleTests('admission-rejected', {
  valid: [
    { name: 'a VM KubeVirt admits', manifest: VM },
    { name: 'an instancetype conflict is instancetype-conflict\'s', manifest: VM.replace('  runStrategy: Always\n', '  runStrategy: Always\n  instancetype:\n    name: u1.medium\n').replace('        devices: {}\n', '        devices: {}\n        cpu:\n          sockets: 2\n') },
  ],
  invalid: [
    {
      name: 'VM mutating webhook: inferFromVolume names no volume',
      manifest: inferMissing,
      errors: [{ messageId: 'cause', line: 7, column: 3, message: ['unable to find volume missing to infer defaults'] }],
    },
  ],
});
