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

    // "5 min ago" texts (time elements marked data-relative) advance here, in the browser, so an open page needs no
    // timer on the server. Same wording as the server's RelativeTime. The text node is changed in place, never
    // replaced: Blazor keeps a reference to it and updates it when the status itself changes.
    function describe(moment, now) {
        var minutes = Math.floor((now - moment) / 60000);
        if (minutes < 1) { return 'just now'; }
        if (minutes < 60) { return minutes + ' min ago'; }
        var hours = Math.floor(minutes / 60);
        if (hours < 24) { return hours + ' h ago'; }
        var days = Math.floor(hours / 24);
        return days === 1 ? 'yesterday' : days + ' days ago';
    }

    function advanceRelativeTimes() {
        var now = Date.now();
        var times = document.querySelectorAll('time[data-relative]');
        for (var i = 0; i < times.length; i++) {
            var moment = Date.parse(times[i].getAttribute('datetime'));
            var text = times[i].lastChild;
            if (isNaN(moment) || !text || text.nodeType !== Node.TEXT_NODE) {
                continue;
            }
            var next = describe(moment, now);
            if (text.nodeValue !== next) {
                text.nodeValue = next;
            }
        }
    }

    setInterval(advanceRelativeTimes, 30000);
    // A tab brought back after a while shows true times at once, not at the next tick.
    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') {
            advanceRelativeTimes();
        }
    });

    // The theme toggle (any element marked data-theme-toggle): switches data-theme on <html>, which theme.css keys
    // both palettes on, and remembers the choice for the session (theme.js applies it on the next page).
    function currentTheme() {
        return document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
    }

    function labelThemeToggles() {
        var label = currentTheme() === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
        var toggles = document.querySelectorAll('[data-theme-toggle]');
        for (var i = 0; i < toggles.length; i++) {
            toggles[i].setAttribute('aria-label', label);
            toggles[i].setAttribute('title', label);
        }
    }

    document.addEventListener('click', function (event) {
        var toggle = event.target instanceof Element ? event.target.closest('[data-theme-toggle]') : null;
        if (!toggle) {
            return;
        }
        var next = currentTheme() === 'dark' ? 'light' : 'dark';
        document.documentElement.setAttribute('data-theme', next);
        try {
            sessionStorage.setItem('ed-theme', next);
        } catch (e) {
            // Not remembered (no storage); switched all the same.
        }
        labelThemeToggles();
    });

    // Toggles appear when a page renders (prerendered, then by the circuit): keep their labels true.
    new MutationObserver(function (mutations) {
        for (var i = 0; i < mutations.length; i++) {
            if (mutations[i].addedNodes.length > 0) {
                labelThemeToggles();
                return;
            }
        }
    }).observe(document.documentElement, { childList: true, subtree: true });
    labelThemeToggles();

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
