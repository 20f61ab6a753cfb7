// Keeps the key browser's TTLs counting down between server refreshes, with no round trip per tick.
// Each TTL element carries its deadline (Unix ms, server clock) in data-deadline; the server renders the
// text once and this module rewrites the element's text node in place, so Blazor's own reference to that
// node stays valid and its next render simply overwrites it.

const TickMs = 200;
const tracked = new WeakMap();

// Must match CacheFormat.Ttl on the server.
export function formatTtl(ms) {
    ms = Math.floor(ms);
    if (ms <= 0) {
        return "expired";
    }
    if (ms < 60000) {
        return (Math.floor(ms / 100) / 10).toFixed(1) + " s";
    }
    const total = Math.floor(ms / 1000);
    const days = Math.floor(total / 86400);
    const hours = Math.floor(total / 3600) % 24;
    const minutes = Math.floor(total / 60) % 60;
    const seconds = total % 60;
    const two = n => String(n).padStart(2, "0");
    if (days > 0) {
        return `${days}d ${hours}h ${two(minutes)}m ${two(seconds)}s`;
    }
    if (hours > 0) {
        return `${hours}h ${two(minutes)}m ${two(seconds)}s`;
    }
    return `${minutes}m ${two(seconds)}s`;
}

function tick(root, state) {
    const now = Date.now() + state.offset;
    for (const element of root.querySelectorAll("[data-deadline]")) {
        const node = element.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) {
            continue;
        }
        const remaining = Number(element.dataset.deadline) - now;
        const text = formatTtl(remaining);
        if (node.nodeValue !== text) {
            node.nodeValue = text;
        }
        element.classList.toggle("ttl-expired", remaining <= 0);
    }
}

// Called after every render with the server's clock, so a browser whose clock is off still counts right.
export function track(root, serverNowMs) {
    if (!root) {
        return;
    }
    let state = tracked.get(root);
    if (!state) {
        state = { offset: 0, timer: 0 };
        state.timer = setInterval(() => tick(root, state), TickMs);
        tracked.set(root, state);
    }
    state.offset = serverNowMs - Date.now();
    tick(root, state);
}

export function untrack(root) {
    const state = root && tracked.get(root);
    if (state) {
        clearInterval(state.timer);
        tracked.delete(root);
    }
}
