/**
 * A User-Agent as a person reads it ("Firefox on Linux"), from the same fixed list the service's mails and activity
 * use (src/Auth.Application/Common/Security/DeviceDescription.cs). Order matters: Edge and Opera also say Chrome,
 * Chrome also says Safari, Android also says Linux, iOS says Mac OS.
 */
const browsers: [string, string][] = [
  ['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Safari/', 'Safari'],
  ['curl/', 'curl'], ['okhttp/', 'an Android app'], ['CFNetwork/', 'an Apple app'],
];

const systems: [string, string][] = [
  ['Android', 'Android'], ['iPhone', 'iOS'], ['iPad', 'iPadOS'], ['Windows', 'Windows'], ['Mac OS X', 'macOS'],
  ['CrOS', 'ChromeOS'], ['Linux', 'Linux'],
];

const find = (known: [string, string][], userAgent: string) => known.find(([token]) => userAgent.includes(token))?.[1];

export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) {
    return 'Unknown device';
  }

  const browser = find(browsers, userAgent);
  const system = find(systems, userAgent);
  const text = browser && system ? `${browser} on ${system}` : browser ?? (system ? `an app on ${system}` : 'an unrecognised app');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
