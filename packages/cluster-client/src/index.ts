// @l1vh/cluster-client: how both shells read a cluster. This entry is light (types, errors, the
// profile reader); '@l1vh/cluster-client/open' holds the kubeconfig and HTTP code and its
// dependency on @kubernetes/client-node, loaded only when a cluster is actually read.

export { ClusterError, isClusterError, type ClusterClient, type ClusterModule, type ClusterOptions, type KubeObject, type ListScope, type ResourceRef } from './types.js';
export { readLiveProfile } from './read-profile.js';
