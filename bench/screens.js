// Screen opening times in a browser, as staff meet them. Driven by bench/screens.sh; needs playwright-core (npm) and
// Chromium. Signs in (changing the one-time password when asked), then opens every screen of the ADMIN menu twice:
// as a fresh page load (typing the address) and from the side menu (the usual way, no page load). A screen counts as
// open when its heading is shown and the browser has no request to the server outstanding.
//   node bench/screens.js <base-url> <username> <password> [rounds]
const { chromium } = require('playwright-core');

const [base, user, firstPassword, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 5);
const newPassword = 'Bench-password-' + Date.now();

async function idle(page) {
  await page.waitForFunction(() => {
    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
    return clients && Object.values(clients).every(c => !c.isActive || !c.isActive());
  }, null, { timeout: 60000, polling: 10 });
}

async function opened(page) {
  await page.waitForSelector('vaadin-app-layout h2, vaadin-app-layout h1', { timeout: 60000 });
  await idle(page);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

async function signIn(page, password) {
  await page.goto(base + '/login');
  await page.fill('#login-form vaadin-text-field input', user);
  await page.fill('#login-form vaadin-password-field input', password);
  const began = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#save-password, vaadin-app-layout h2, vaadin-app-layout h1', { timeout: 60000 });
  if (await page.$('#save-password')) {
    await page.fill('#current-password input', password);
    await page.fill('#new-password input', newPassword);
    await page.fill('#repeat-password input', newPassword);
    await page.click('#save-password');
    await opened(page);
    return null;
  }
  await opened(page);
  return Date.now() - began;
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  let password = firstPassword;
  if (await signIn(page, password) === null) {
    password = newPassword;
    console.log('(the one-time password was changed to a new one for this run)');
  }
  const signIns = [];
  for (let i = 0; i < rounds; i++) {
    await page.context().clearCookies();
    signIns.push(await signIn(page, password));
  }
  const floor = [];
  for (let i = 0; i < rounds; i++) {
    const began = Date.now();
    await page.goto(base + '/login');
    await page.waitForSelector('#login-form');
    floor.push(Date.now() - began);
    await page.goBack();
  }
  await page.context().clearCookies();
  await signIn(page, password);
  const paths = await page.$$eval('#main-nav vaadin-side-nav-item', items => items.map(i => i.getAttribute('path')));
  const results = [];
  for (const path of paths) {
    const loads = [];
    const navs = [];
    for (let i = 0; i < rounds; i++) {
      let began = Date.now();
      await page.goto(base + '/' + path);
      await opened(page);
      loads.push(Date.now() - began);
      const other = paths.find(p => p !== path);
      await page.click(`#main-nav vaadin-side-nav-item[path="${other}"]`);
      await opened(page);
      began = Date.now();
      await page.click(`#main-nav vaadin-side-nav-item[path="${path}"]`);
      try {
        await page.waitForURL(url => url.pathname === '/' + path, { timeout: 10000 });
      } catch (e) {
        // a click that landed while the menu was still settling: say so and click again (counted in this round's time)
        console.log(`NOTE the click on /${path} did not navigate within 10 s; clicking again`);
        await page.click(`#main-nav vaadin-side-nav-item[path="${path}"]`);
        await page.waitForURL(url => url.pathname === '/' + path, { timeout: 60000 });
      }
      await opened(page);
      navs.push(Date.now() - began);
    }
    results.push({ path: '/' + path, load: median(loads), loadP95: p95(loads), nav: median(navs), navP95: p95(navs) });
  }
  // the user page of the demo's first user, opened by address (support reaches it from a search result)
  const userPage = [];
  for (let i = 0; i < rounds; i++) {
    const began = Date.now();
    await page.goto(base + '/users/1');
    await opened(page);
    userPage.push(Date.now() - began);
  }
  console.log(`RESULT sign-in (form sent to dashboard shown): median ${median(signIns)} ms, p95 ${p95(signIns)} ms`);
  console.log(`RESULT floor: the login page, no data, full load: median ${median(floor)} ms`);
  for (const r of results) {
    console.log(`RESULT screen ${r.path.padEnd(20)} page load median ${String(r.load).padStart(5)} ms (p95 ${r.loadP95}), `
      + `from the menu median ${String(r.nav).padStart(5)} ms (p95 ${r.navP95})`);
  }
  console.log(`RESULT screen ${'/users/1'.padEnd(20)} page load median ${String(median(userPage)).padStart(5)} ms (p95 ${p95(userPage)})`);
  await browser.close();
})().catch(e => { console.error('ERROR', e); process.exit(1); });
