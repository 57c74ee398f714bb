// A real OpenID Provider (oidc-provider) for the Auth service's tests, on http://127.0.0.1:<port>.
// Started by tests/Auth.IntegrationTests/Support/TestIdentityProvider.cs; see README.md.
//
//   node server.mjs --port 5123 --client-id auth-tests --client-secret s3cret \
//     --redirect-uri http://localhost/auth/external/testidp/callback [--redirect-uri ...]
//
// (or PORT, CLIENT_ID, CLIENT_SECRET and REDIRECT_URIS, space-separated, in the environment). Prints
// "READY <issuer>" once listening.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT },
    'client-id': { type: 'string', default: process.env.CLIENT_ID },
    'client-secret': { type: 'string', default: process.env.CLIENT_SECRET },
    'redirect-uri': { type: 'string', multiple: true, default: (process.env.REDIRECT_URIS ?? '').split(' ').filter(Boolean) },
    // Set by the test fixture: when the test process dies, its end of our stdin closes, and so do we.
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});
for (const name of ['port', 'client-id', 'client-secret']) {
  if (!args[name]) throw new Error(`--${name} is required`);
}
if (args['redirect-uri'].length === 0) throw new Error('at least one --redirect-uri is required');

const issuer = `http://127.0.0.1:${args.port}`;
const scope = 'openid email profile';

// Fresh keys on every start, never on disk: the provider's RS256 key, and a stranger's key for wrong_signature.
const kid = randomUUID();
const signingKey = await jose.generateKeyPair('RS256', { extractable: true });
const strangerKey = await jose.generateKeyPair('RS256');
const signingJwk = { ...(await jose.exportJWK(signingKey.privateKey)), kid, alg: 'RS256', use: 'sig' };

// Whoever signed in last under a subject; the login form says who that is, so each test picks its own identities.
const accounts = new Map();

const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    redirect_uris: args['redirect-uri'],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
    // Loopback redirect URIs then match on any port (RFC 8252, 7.3), so a browser test can register
    // http://127.0.0.1/auth/external/testidp/callback before its server has picked a port. Other URIs match exactly.
    application_type: 'native',
  }],
  jwks: { keys: [signingJwk] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: scope.split(' '),
  // The service reads the ID token, not userinfo: the scope's claims go into the ID token itself.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => accounts.has(sub)
    ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }
    : undefined,
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Error</h1><p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
  },
});

// --- Test control: the next token response carries a defective ID token. ---------------------------------------

const tamperKinds = ['none', 'wrong_audience', 'wrong_nonce', 'wrong_signature', 'expired', 'missing_nonce'];
let nextTamper = 'none';

async function tamper(idToken, kind) {
  const header = jose.decodeProtectedHeader(idToken);
  const claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = signingKey.privateKey;
  switch (kind) {
    case 'wrong_audience': claims.aud = 'someone-else'; break;
    case 'wrong_nonce': claims.nonce = `not-${claims.nonce ?? 'a-nonce'}`; break;
    case 'missing_nonce': delete claims.nonce; break;
    // An hour past, far beyond any clock skew a validator allows.
    case 'expired': claims.iat = now - 7200; claims.exp = now - 3600; break;
    // Same kid, other key: the JWKS names the key, but the signature does not verify with it.
    case 'wrong_signature': key = strangerKey.privateKey; break;
    default: throw new Error(`unknown tamper kind ${kind}`);
  }
  return new jose.SignJWT(claims).setProtectedHeader(header).sign(key);
}

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.method === 'POST' && ctx.status === 200 && ctx.body?.id_token && nextTamper !== 'none') {
    const kind = nextTamper;
    nextTamper = 'none';
    ctx.body = { ...ctx.body, id_token: await tamper(ctx.body.id_token, kind) };
  }
});

// --- Routes of our own: the login form and the test control. -------------------------------------------------------

provider.use(async (ctx, next) => {
  const interaction = /^\/interaction\/([^/]+)$/.exec(ctx.path);
  if (interaction && ctx.method === 'GET') return showInteraction(ctx);
  if (interaction && ctx.method === 'POST') return finishLogin(ctx);
  if (ctx.path === '/__test/tamper' && ctx.method === 'POST') {
    const { next: kind } = JSON.parse((await readBody(ctx)) || '{}');
    if (!tamperKinds.includes(kind)) ctx.throw(400, `next must be one of ${tamperKinds.join(', ')}`);
    nextTamper = kind;
    ctx.status = 204;
    return undefined;
  }
  if (ctx.path === '/__test/reset' && ctx.method === 'POST') {
    nextTamper = 'none';
    ctx.status = 204;
    return undefined;
  }
  return next();
});

async function showInteraction(ctx) {
  const { uid, prompt, params, session, grantId } = await provider.interactionDetails(ctx.req, ctx.res);
  if (prompt.name === 'consent') return grantConsent(ctx, { accountId: session.accountId, clientId: params.client_id, grantId });
  if (prompt.name !== 'login') ctx.throw(400, `unexpected prompt ${prompt.name}`);
  ctx.type = 'html';
  ctx.body = page('Sign in to Test IdP', `
    <h1>Sign in to Test IdP</h1>
    <form method="post" action="/interaction/${escape(uid)}">
      <p><label for="sub">Subject</label> <input id="sub" name="sub" required></p>
      <p><label for="email">Email</label> <input id="email" name="email" type="email" required></p>
      <p><input id="email_verified" name="email_verified" type="checkbox" value="true" checked>
         <label for="email_verified">Email verified</label></p>
      <p><label for="name">Name</label> <input id="name" name="name"></p>
      <p><button type="submit" name="action" value="login">Sign in</button>
         <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>
    </form>`);
}

// No consent page: the client gets every scope it asks for, as a first-party client would.
async function grantConsent(ctx, { accountId, clientId, grantId }) {
  const grant = (grantId && await provider.Grant.find(grantId)) || new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(scope);
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId: await grant.save() } });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

async function finishLogin(ctx) {
  const form = new URLSearchParams(await readBody(ctx));
  let result;
  if (form.get('action') === 'cancel') {
    result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' };
  } else {
    const sub = form.get('sub');
    if (!sub || !form.get('email')) ctx.throw(400, 'sub and email are required');
    const name = form.get('name');
    accounts.set(sub, {
      email: form.get('email'),
      email_verified: form.get('email_verified') === 'true',
      ...(name ? { name } : {}),
    });
    result = { login: { accountId: sub } };
  }
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

async function readBody(ctx) {
  let body = '';
  for await (const chunk of ctx.req) body += chunk;
  return body;
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main>${body}</main></body></html>`;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

provider.listen(Number(args.port), '127.0.0.1', () => console.log(`READY ${issuer}`));
if (args['exit-with-stdin']) process.stdin.on('end', () => process.exit(0)).resume();
