// Command ids and the URI form hovers use to invoke them.

export const COMMANDS = {
  preview: 'l1vh.previewDomainXml',
  explain: 'l1vh.explain',
  selectTarget: 'l1vh.selectTarget',
  refreshCluster: 'l1vh.refreshCluster',
  whatIfHyperVDirect: 'l1vh.whatIfHyperVDirect',
  whatIf: 'l1vh.whatIf',
} as const;

export function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
