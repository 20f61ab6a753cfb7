#!/usr/bin/env python3
"""Renders nginx.conf.template: the one nginx configuration that compose, scripts/cluster.sh and the tests use.

  deploy/render-nginx-conf.py --preset compose -o deploy/nginx.conf       (the committed file; a test checks it)
  deploy/render-nginx-conf.py --upstream 127.0.0.1:5001 --upstream 127.0.0.1:5002 \\
      --listen 127.0.0.1:8080 --ops-allow 127.0.0.1 --standalone /tmp/nginx-run -o /tmp/nginx-run/nginx.conf

--standalone DIR wraps the site in a whole nginx.conf that runs in the foreground as the invoking user, with
its pid file, logs and temporary files under DIR (no system configuration, no privileged port); start it with
  nginx -p DIR -c DIR/nginx.conf -e DIR/error.log
"""
import argparse
import os
import pathlib
import pwd
import re
import sys

TEMPLATE = pathlib.Path(__file__).with_name("nginx.conf.template")

# Compose's values: the replicas as compose names them, nginx on port 80 inside its container, and the
# operators' networks taken to be the private ones (the compose network and a LAN), never the internet.
PRESETS = {
    "compose": {
        "upstream": ["web1:8080", "web2:8080"],
        "listen": "80",
        "http_listen": "80",
        "https_listen": "443",
        "ops_allow": ["127.0.0.1", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
    },
}

UPSTREAM_OPTIONS = "max_fails=3 fail_timeout=10s"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=sorted(PRESETS), help="start from these values (others override them)")
    parser.add_argument("--upstream", action="append", metavar="HOST:PORT", help="a replica (repeat for each)")
    parser.add_argument("--listen", metavar="[ADDR:]PORT", help="where the front door listens (with TLS: the HTTPS one)")
    parser.add_argument("--http-listen", metavar="[ADDR:]PORT", help="with TLS: where plain HTTP listens to redirect to HTTPS")
    parser.add_argument("--ops-allow", action="append", metavar="ADDRESS/CIDR",
                        help="a network that may reach /metrics and /health/* (repeat; everyone else gets 403)")
    parser.add_argument("--tls-certificate", metavar="PATH", help="PEM certificate (chain) as nginx will see it")
    parser.add_argument("--tls-certificate-key", metavar="PATH", help="PEM private key as nginx will see it")
    parser.add_argument("--standalone", metavar="DIR", help="emit a whole nginx.conf running under DIR (see above)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    arguments = parser.parse_args(argv)

    values = dict(PRESETS.get(arguments.preset, {}))
    tls = arguments.tls_certificate is not None or arguments.tls_certificate_key is not None
    if tls and not (arguments.tls_certificate and arguments.tls_certificate_key):
        parser.error("TLS needs both --tls-certificate and --tls-certificate-key")
    if tls and "https_listen" in values:
        values["listen"] = values["https_listen"]
    for name in ("upstream", "listen", "http_listen", "ops_allow"):
        given = getattr(arguments, name)
        if given:
            values[name] = given
    for name, option in (("upstream", "--upstream"), ("listen", "--listen"), ("ops_allow", "--ops-allow")):
        if not values.get(name):
            parser.error(f"{option} is required (or a --preset)")
    if tls and not values.get("http_listen"):
        parser.error("TLS needs --http-listen, where plain HTTP is redirected to HTTPS")
    for address in values["upstream"]:
        if not re.fullmatch(r"[A-Za-z0-9.\-\[\]:]+:\d+", address):
            parser.error(f"--upstream {address!r} is not HOST:PORT")
    for network in values["ops_allow"]:
        if not re.fullmatch(r"[0-9A-Fa-f.:]+(/\d+)?", network):
            parser.error(f"--ops-allow {network!r} is not an address or a CIDR network")

    values["tls"] = tls
    values["tls_certificate"] = arguments.tls_certificate
    values["tls_certificate_key"] = arguments.tls_certificate_key
    return arguments, values


def command_line(argv):
    return " ".join(["deploy/render-nginx-conf.py", *(a if re.fullmatch(r"[\w@%+=:,./-]+", a) else repr(a) for a in argv)])


def render_site(values, argv):
    text = TEMPLATE.read_text()
    # A section tag alone on its line takes the line with it.
    text = re.sub(r"^[ \t]*(\{\{[#^/]\w+\}\})[ \t]*\n", r"\1", text, flags=re.M)
    # {{#name}}...{{/name}} keeps its body when name is true; {{^name}}...{{/name}} when it is false.
    text = re.sub(r"\{\{([#^])(\w+)\}\}(.*?)\{\{/\2\}\}",
                  lambda m: m.group(3) if bool(values[m.group(2)]) == (m.group(1) == "#") else "",
                  text, flags=re.S)
    listen_port = values["listen"].rsplit(":", 1)[-1]
    scalars = {
        "generated_note": "# Generated from deploy/nginx.conf.template: edit the template, then render it again with\n#   "
                          + command_line(strip_output(argv)) + " -o <this file>",
        "listen": values["listen"],
        "http_listen": values.get("http_listen") or "",
        "https_port_suffix": "" if listen_port == "443" else ":" + listen_port,
        "tls_certificate": values["tls_certificate"] or "",
        "tls_certificate_key": values["tls_certificate_key"] or "",
    }
    lists = {
        "upstream_servers": [f"server {address} {UPSTREAM_OPTIONS};" for address in values["upstream"]],
        "ops_allow": [f"allow {network};" for network in values["ops_allow"]],
    }

    def expand_list(match):
        return "\n".join(match.group(1) + line for line in lists[match.group(2)])

    text = re.sub(r"^([ \t]*)\{\{(" + "|".join(lists) + r")\}\}[ \t]*$", expand_list, text, flags=re.M)
    text = re.sub(r"\{\{(\w+)\}\}", lambda m: scalars[m.group(1)], text)
    leftover = re.search(r"\{\{.*?\}\}", text)
    if leftover:
        sys.exit(f"render-nginx-conf: the template uses {leftover.group(0)}, which this renderer does not fill")
    return text


def strip_output(argv):
    kept, skip = [], False
    for argument in argv:
        if skip:
            skip = False
        elif argument in ("-o", "--output"):
            skip = True
        elif not argument.startswith(("-o", "--output=")):
            kept.append(argument)
    return kept


def standalone(site, directory):
    directory = os.path.abspath(directory)
    # Run as whoever runs nginx: as root, workers would otherwise become "nobody" and lose the temp folders.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    indented = "".join("    " + line if line.strip() else line for line in site.splitlines(keepends=True))
    return f"""# Standalone nginx for scripts/cluster.sh and the tests: foreground, files under {directory}.
daemon off;
master_process on;
worker_processes 1;
# Each open page is a WebSocket held through nginx (two connections): room for 10,000 pages on one worker.
worker_rlimit_nofile 65536;
{user}pid {directory}/nginx.pid;
error_log {directory}/error.log warn;

events {{
    worker_connections 24576;
}}

http {{
    default_type application/octet-stream;
    log_format ed '$remote_addr "$request" $status served-by=$upstream_addr';
    access_log {directory}/access.log ed;
    client_body_temp_path {directory}/temp/client_body;
    proxy_temp_path {directory}/temp/proxy;
    fastcgi_temp_path {directory}/temp/fastcgi;
    uwsgi_temp_path {directory}/temp/uwsgi;
    scgi_temp_path {directory}/temp/scgi;

{indented}}}
"""


def main(argv):
    arguments, values = parse_arguments(argv)
    text = render_site(values, argv)
    if arguments.standalone:
        os.makedirs(os.path.join(arguments.standalone, "temp"), exist_ok=True)
        text = standalone(text, arguments.standalone)
    if arguments.output:
        pathlib.Path(arguments.output).write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
