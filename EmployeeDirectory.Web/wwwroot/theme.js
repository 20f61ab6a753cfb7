// Runs in <head>, before the first paint: the theme the person chose this session (app.js stores it), else the
// system's preference, as data-theme on <html> (theme.css holds both palettes). No flash of the other theme.
(function () {
    try {
        var theme = sessionStorage.getItem('ed-theme');
        if (theme !== 'dark' && theme !== 'light') {
            theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
        }
        document.documentElement.setAttribute('data-theme', theme);
    } catch (e) {
        // No storage (private mode): theme.css follows the system's preference by itself.
    }
})();
