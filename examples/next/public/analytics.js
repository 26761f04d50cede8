// A stand-in for an analytics tag: no network, it only shows that it ran and sets its cookie.
window.exampleAnalytics = { loadedAt: Date.now() };
document.cookie = 'example_analytics=1; Path=/; Max-Age=31536000; SameSite=Lax';
