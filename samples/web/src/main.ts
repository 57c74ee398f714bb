import { activityList, passkeysSignInOptions, sessionsEnd, sessionsList, userChangeEmail, userChangePassword, userGet, userUpdate } from '../../../clients/typescript/src/index.js';
import type { ActivityEventResponse, SessionResponse, UserResponse } from '../../../clients/typescript/src/index.js';
import { readConfig } from './config.js';
import { followMailedLink } from './links.js';
import { MfaPanel } from './mfa.js';
import { getPasskey, PasskeyPanel } from './passkeys.js';
import { Session } from './session.js';
import { attachMeter, showReasons } from './strength.js';

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const signedOut = element<HTMLElement>('signed-out');
const signedIn = element<HTMLElement>('signed-in');
const message = element<HTMLElement>('message');

const session = new Session(readConfig(), showSignedOut, () => {
  element('token-status').textContent = `Access token renewed at ${new Date().toLocaleTimeString()}.`;
});

function say(text: string): void {
  message.textContent = text;
}

const mfa = new MfaPanel(session, say);
const passkeys = new PasskeyPanel(session, say);
const mfaForm = element<HTMLFormElement>('mfa-form');
// The ticket of a password that was right for an account with two-step verification; kept only in memory.
let mfaToken: string | undefined;
// With a passkey among its factors: the options a passkey answers instead of a code.
let mfaPasskeyOptions: unknown;

/** The problem's detail (RFC 9457) when the service sent one. */
function problemText(error: unknown, fallback: string): string {
  const problem = error as { detail?: string; errors?: Record<string, string[]> } | undefined;
  const fields = problem?.errors ? Object.values(problem.errors).flat().join(' ') : '';
  return fields || problem?.detail || fallback;
}

/** A weak_password refusal's reasons, shown next to the field they are about. */
function weakPasswordReasons(error: unknown): string[] | undefined {
  const problem = error as { code?: string; reasons?: string[] } | undefined;
  return problem?.code === 'weak_password' ? problem.reasons : undefined;
}

const signupForm = element<HTMLFormElement>('signup-form');
attachMeter(element('signup-form').querySelector('input[name=password]')!, element('signup-strength'), element('signup-strength-label'),
  () => [String(new FormData(signupForm).get('email') ?? ''), String(new FormData(signupForm).get('name') ?? '')]);
attachMeter(element('password-form').querySelector('input[name=newPassword]')!, element('new-password-strength'),
  element('new-password-strength-label'), () => [element('user-email').textContent ?? '', element('user-name').textContent ?? '']);

function showSignedOut(reason: string): void {
  signedIn.hidden = true;
  signedOut.hidden = false;
  say(reason);
}

function showUser(user: UserResponse): void {
  element('user-name').textContent = user.name;
  element('user-email').textContent = user.email;
  signedOut.hidden = true;
  signedIn.hidden = false;
}

function showSessions(sessions: SessionResponse[]): void {
  const list = element<HTMLUListElement>('sessions');
  list.replaceChildren(...sessions.map((s) => {
    const item = document.createElement('li');
    item.dataset.sessionId = s.id;
    item.textContent = `${s.userAgent ?? 'unknown browser'}, since ${new Date(s.createdAt).toLocaleString()}${s.current ? ' (this one)' : ''} `;
    if (!s.current) {
      const end = document.createElement('button');
      end.type = 'button';
      end.textContent = 'End';
      end.addEventListener('click', async () => {
        await session.call(() => sessionsEnd({ path: { id: s.id } }));
        await loadSessions();
      });
      item.append(end);
    }

    return item;
  }));
}

/** What each security event means to the person reading their own history. */
const activityLabels: Record<string, string> = {
  SignedUp: 'Account created',
  LoginSucceeded: 'Signed in',
  LoginFailed: 'Failed sign-in attempt',
  LockedOut: 'Sign-in locked after failed attempts',
  LoggedOut: 'Signed out',
  PasswordChanged: 'Password changed',
  PasswordResetRequested: 'Password reset requested',
  PasswordReset: 'Password reset',
  EmailConfirmed: 'Email address confirmed',
  MfaEnabled: 'Two-step verification turned on',
  MfaDisabled: 'Two-step verification turned off',
  MfaResetByAdmin: 'Two-step verification reset by an administrator',
  RecoveryCodesRegenerated: 'New recovery codes made',
  RecoveryCodeUsed: 'Signed in with a recovery code',
  MfaCodeFailed: 'Wrong two-step verification code',
  PasskeyRegistered: 'Passkey added',
  PasskeyRenamed: 'Passkey renamed',
  PasskeyRemoved: 'Passkey deleted',
  PasskeyRefused: 'Passkey refused',
  PasskeyCounterRegressed: 'Passkey refused: it may have been copied',
  SessionEndedByLimit: 'Oldest idle session ended (too many sessions)',
  ProfileUpdated: 'Profile changed',
  RefreshTokenReused: 'Session ended: its token was used twice',
  RoleGranted: 'Role granted by an administrator',
  RoleRevoked: 'Role removed by an administrator',
  AccountDisabled: 'Account disabled by an administrator',
  AccountEnabled: 'Account enabled by an administrator',
  SessionsEndedByAdmin: 'Sessions ended by an administrator',
  BootstrapAdminOnConfirmation: 'Made an administrator (bootstrap address confirmed)',
  BootstrapAdminAtStart: 'Made an administrator (bootstrap address, at start)',
  BootstrapAdminByCommandLine: 'Made an administrator (create-admin command)',
  EmailChangeRequested: 'Email change requested',
  EmailChanged: 'Email address changed',
  EmailChangeCancelled: 'Email change cancelled',
};

function showActivity(events: ActivityEventResponse[]): void {
  const list = element<HTMLOListElement>('activity');
  list.replaceChildren(...events.map((e) => {
    const item = document.createElement('li');
    item.dataset.type = e.type;
    const where = [e.clientAddress, e.device].filter(Boolean).join(', ');
    item.textContent = `${new Date(e.at).toLocaleString()}: ${activityLabels[e.type] ?? e.type}${where ? ` (${where})` : ''}`;
    return item;
  }));
}

async function loadActivity(): Promise<void> {
  const result = await session.call(() => activityList({ query: { pageSize: 20 } }));
  if (result.data) {
    showActivity(result.data.items ?? []);
  }
}

async function loadUser(): Promise<void> {
  const result = await session.call(() => userGet());
  if (result.data) {
    showUser(result.data);
  }
}

async function loadSessions(): Promise<void> {
  const result = await session.call(() => sessionsList());
  if (result.data) {
    showSessions(result.data.items ?? []);
  }
}

async function enter(): Promise<void> {
  say('');
  mfaForm.hidden = true;
  element('mfa-passkey').hidden = true;
  await loadUser();
  await mfa.load();
  await passkeys.load();
  await loadSessions();
  await loadActivity();
}

function fields(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
}

function onSubmit(id: string, handler: (values: Record<string, string>, form: HTMLFormElement) => Promise<void>): void {
  const form = element<HTMLFormElement>(id);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await handler(fields(form), form);
  });
}

onSubmit('signup-form', async ({ name, email, password }) => {
  const result = await session.signUp(name, email, password);
  showReasons(element('signup-reasons'), weakPasswordReasons(result.error));
  if (result.data) await enter(); else say(problemText(result.error, 'Sign-up failed.'));
});

onSubmit('login-form', async ({ email, password }) => {
  const result = await session.logIn(email, password);
  const refusal = result.error as { code?: string; mfaToken?: string; passkeyOptions?: unknown } | undefined;
  if (refusal?.code === 'mfa_required' && refusal.mfaToken) {
    mfaToken = refusal.mfaToken;
    mfaPasskeyOptions = refusal.passkeyOptions;
    element('mfa-passkey').hidden = mfaPasskeyOptions === undefined;
    mfaForm.hidden = false;
    mfaForm.querySelector<HTMLInputElement>('input[name=code]')!.focus();
    say('Enter the code from your authenticator app.');
    return;
  }

  if (!result.data) {
    say(problemText(result.error, 'Login failed.'));
    return;
  }

  await enter();
  // The service now refuses this password (a common one, or a breach): the session works, but ask for a new one.
  element('password-change-required').hidden = !result.data.passwordChangeRequired;
  if (result.data.passwordChangeRequired) {
    element<HTMLInputElement>('password-form').querySelector<HTMLInputElement>('input[name=currentPassword]')!.focus();
  }
});

onSubmit('mfa-form', async ({ code, recoveryCode }, form) => {
  const result = await session.verifyMfa(mfaToken ?? '', code, recoveryCode);
  if (!result.data) {
    say(problemText(result.error, 'The code was not accepted.'));
    return;
  }

  form.reset();
  mfaToken = undefined;
  await enter();
});

element('mfa-passkey').addEventListener('click', async () => {
  let assertion: unknown;
  try {
    assertion = await getPasskey(mfaPasskeyOptions);
  } catch {
    say('No passkey was used.');
    return;
  }

  const result = await session.verifyMfa(mfaToken ?? '', undefined, undefined, assertion);
  if (!result.data) {
    say(problemText(result.error, 'The passkey was not accepted.'));
    return;
  }

  mfaToken = undefined;
  await enter();
});

// Passwordless: no email needed, the browser offers the passkeys it holds for this site.
element('passkey-login').addEventListener('click', async () => {
  const options = await passkeysSignInOptions({});
  if (!options.data) {
    say(problemText(options.error, 'Could not start signing in with a passkey.'));
    return;
  }

  let assertion: unknown;
  try {
    assertion = await getPasskey(options.data.publicKey);
  } catch {
    say('No passkey was used.');
    return;
  }

  const result = await session.signInWithPasskey(options.data.challengeId, assertion);
  if (result.data) await enter(); else say(problemText(result.error, 'The passkey was not accepted.'));
});

onSubmit('name-form', async ({ name }, form) => {
  const result = await session.call(() => userUpdate({ body: { name } }));
  if (result.data) {
    showUser(result.data);
    form.reset();
    say('Name saved.');
  } else if (session.signedIn) {
    say(problemText(result.error, 'The name was not saved.'));
  }
});

onSubmit('password-form', async ({ currentPassword, newPassword }, form) => {
  const result = await session.call(() => userChangePassword({ body: { currentPassword, newPassword } }));
  showReasons(element('new-password-reasons'), weakPasswordReasons(result.error));
  if (result.response?.ok) {
    form.reset();
    element('password-change-required').hidden = true;
    say('Password changed; your other sessions ended.');
    await loadSessions();
  } else if (session.signedIn) {
    say(problemText(result.error, 'The password was not changed.'));
  }
});

onSubmit('email-form', async ({ newEmail, currentPassword }, form) => {
  const result = await session.call(() => userChangeEmail({ body: { newEmail, currentPassword } }));
  if (result.response?.ok) {
    form.reset();
    say(`Almost done: open the link we mailed to ${newEmail} to confirm it. Until then you sign in with your current address.`);
  } else if (session.signedIn) {
    say(problemText(result.error, 'The email address was not changed.'));
  }
});

element('reload-user').addEventListener('click', () => void enter());
element('reload-activity').addEventListener('click', () => void loadActivity());
element('logout').addEventListener('click', () => void session.logOut('local'));
element('logout-everywhere').addEventListener('click', () => void session.logOut('global'));

// A link from a mail (confirm or cancel an email change) is followed first, so the profile loaded next shows its effect.
const followed = await followMailedLink((error, fallback) => problemText(error, fallback));

// A reload keeps the user signed in: the refresh token (stored or in the cookie) buys a new access token.
if (session.mayResume && (await session.renew())) {
  await enter();
  // The new-device alert's link (sessions/) opens the app at the list, where a session that was not you ends.
  if (location.hash === '#sessions') {
    element('sessions-heading').scrollIntoView();
  }
} else {
  showSignedOut('');
}

if (followed) {
  say(followed);
}
