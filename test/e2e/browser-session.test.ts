// The browser build in Chromium keeps its session out of localStorage: after signing in the
// token is only in an HttpOnly cookie, the app syncs with it (pull, push, live stream), a
// reload stays signed in, and a request without the CSRF token is refused.
import { expect, it } from 'vitest';
import { LeadPages } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

describeE2e('browser session', () => {
  const e2e = useE2e();

  it('signs in with an HttpOnly cookie, nothing secret in localStorage', async () => {
    const { app, context } = await e2e.signIn('en');

    const cookies = await context.cookies(e2e.stack.appUrl + '/api/');
    const session = cookies.find((c) => c.name === 'fairlead_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    const token = session?.value ?? '';
    expect(token.length).toBeGreaterThan(40);
    const page = await app.page.evaluate(() => ({
      cookie: document.cookie,
      storage: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
    }));
    // Scripts on the page see the CSRF token only, never the session token.
    expect(page.cookie).toContain('fairlead_csrf=');
    expect(page.cookie).not.toContain(token);
    expect(JSON.stringify(page.storage)).not.toContain(token);
    expect(JSON.stringify(page.session)).not.toContain(token);
    expect(page.storage.map(([key]) => key)).not.toContain(
      'fairlead.secret.fairlead.session.token',
    );

    // Pushing works with the cookie and the CSRF header the app adds.
    const suffix = Date.now().toString(36);
    const lead = {
      firstName: 'Carla',
      lastName: `Cookie ${suffix}`,
      company: `Biscotti ${suffix}`,
      email: `carla.${suffix}@example.com`,
    };
    await new LeadPages(app).capture(lead);
    await app.waitForSynced();
    expect((await pullAll(e2e.stack, 'leads')).some((d) => d['email'] === lead.email)).toBe(true);

    // A reload keeps the session; a forged request from the page without the token is refused.
    await app.page.reload();
    await app.unlockStore(e2e.stack.seller.password);
    await app.waitForSynced();
    const forged = await app.page.evaluate(async () => {
      const answer = await fetch('/api/sync/leads/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      return { status: answer.status, body: (await answer.json()) as { messages: { en: string } } };
    });
    expect(forged.status).toBe(403);
    expect(forged.body.messages.en).toMatch(/security token/);
    await app.screenshot('browser-session-signed-in');
  }, 240_000);
});
