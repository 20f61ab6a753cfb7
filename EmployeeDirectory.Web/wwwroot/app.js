// Runs on every page, signed in or not (no framework needed).
(function () {
    // The browser's time zone, so the server renders times as this person reads them (ViewerTime).
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        var cookie = 'ed-tz=' + encodeURIComponent(zone);
        if (zone && document.cookie.split('; ').indexOf(cookie) < 0) {
            document.cookie = cookie + '; path=/; max-age=31536000; samesite=lax' + (location.protocol === 'https:' ? '; secure' : '');
        }
    } catch (e) {
        // No Intl time zone: times stay in UTC, and say so.
    }

    // The server refused this tab a live connection (too many open, see Circuits:PerUser): the error bar Blazor
    // shows next says why instead of "an unexpected error".
    window.directoryCircuitRefused = function (message) {
        var bar = document.getElementById('blazor-error-ui');
        if (!bar) {
            return;
        }
        var text = Array.prototype.find.call(bar.childNodes, function (node) { return node.nodeType === Node.TEXT_NODE && node.nodeValue.trim(); });
        if (text) {
            text.nodeValue = message + ' ';
        }
        bar.setAttribute('role', 'alert');
        bar.setAttribute('data-reason', 'circuit-refused');
    };

    // "/" jumps to the page's search box (an input marked data-shortcut="/"), unless the person is typing.
    document.addEventListener('keydown', function (event) {
        if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
            return;
        }
        var target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
            return;
        }
        var box = document.querySelector('input[data-shortcut="/"], [data-shortcut="/"] input');
        if (box) {
            event.preventDefault();
            box.focus();
            box.select();
        }
    });
})();
