// Where the project lives: one base URL (package.json `homepage`) for every link we print or
// emit (SARIF informationUri and helpUri, the krew manifest). Docs links point at the release tag,
// so a report links the rule documentation of the version that produced it.
import { homepage, version } from '../package.json';

export const L1VH_VERSION = `v${version}`;
/** The bare semantic version (SARIF `driver.version`, npm). */
export const L1VH_SEMVER = version;
export const PROJECT_URL = homepage;

/** An absolute URL to a file in the repository at this release's tag, e.g. docs/rules/no-launch.md. */
export function docUrl(repoPath: string): string {
  return `${PROJECT_URL}/blob/${L1VH_VERSION}/${repoPath}`;
}
