// A stand-in for an advertising tag (Targeting, which sells or shares): no network, it only shows
// that it ran and sets its cookie.
window.exampleAds = { loadedAt: Date.now() };
document.cookie = 'example_ads=1; Path=/; Max-Age=7776000; SameSite=Lax';
