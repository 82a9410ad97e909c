"""``wordlab serve [--host 127.0.0.1] [--port 8000] [--lang en|ko]``: the app in a browser.

textual-serve (the Textual project's own server) serves a page with a terminal in it and, for
every browser tab that opens it, starts one app process, ``python -m tui``, with this
interpreter: each tab has its own app, corpus and training, as in a terminal.  The app
process talks to the page through Textual's web driver (textual-serve sets
``TEXTUAL_DRIVER``), not a terminal.

Localhost only by default.  Any other address must be asked for with ``--host`` and prints a
warning: whoever reaches the port gets the app, and the app's file dialogs (open a corpus,
save vectors) read and write files with the server user's rights.  Over SSH, forward the port
instead: ``ssh -L 8000:localhost:8000 user@labserver``.

Nothing of textual-serve (aiohttp) is imported until the command runs.
"""

from __future__ import annotations

import argparse
import shlex
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_parser(sub) -> None:
    p = sub.add_parser(
        "serve", help="serve the app to web browsers (one app per browser tab)",
        description="Serve the wordlab app to web browsers with textual-serve: open the\n"
                    "address it prints, and every browser tab gets its own app. Only this\n"
                    "machine can connect unless --host says otherwise; from another machine,\n"
                    "forward the port over SSH. Ctrl+C stops the server and the tabs' apps.",
        epilog="Examples:\n"
               "  wordlab serve                       (http://127.0.0.1:8000, this machine only)\n"
               "  wordlab serve --port 8080 --lang ko\n"
               "  ssh -L 8000:localhost:8000 user@labserver   (then open http://localhost:8000)\n"
               "  wordlab serve --host 0.0.0.0        (the whole network: anyone who reaches\n"
               "                                       the port can use the app and its file "
               "dialogs)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default=DEFAULT_HOST, metavar="ADDRESS",
                   help=f"the address to listen on (default {DEFAULT_HOST}: this machine only; "
                        "0.0.0.0: every network interface)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="N",
                   help=f"the TCP port (default {DEFAULT_PORT})")
    p.add_argument("--lang", choices=("en", "ko"), default=None,
                   help="the app's language in every tab (default: the locale's, else English)")
    p.set_defaults(handler=run)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {value}")
    return value


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``: ``localhost``, 127.0.0.0/8 or ``::1``."""
    import ipaddress

    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it resolves to an interface others may reach


def warning(host: str, port: int) -> str:
    """The one line printed before listening on a non-loopback address."""
    return (f"warning: listening on {host}:{port}: anyone who can reach this port can use the "
            "app and its file dialogs (files are read and written as this user); the default "
            f"{DEFAULT_HOST} with 'ssh -L {port}:localhost:{port}' keeps it to you")


def app_command(lang: str | None = None) -> str:
    """The shell command textual-serve runs for each browser tab: this interpreter's app."""
    command = f"{shlex.quote(sys.executable)} -m tui"
    if lang is not None:
        command += f" --lang {shlex.quote(lang)}"
    return command


def check_port_free(host: str, port: int) -> None:
    """A port in use or an address that is not this machine's is one line, exit 2, before
    the server starts (aiohttp would print a traceback)."""
    import socket

    from cli.main import UsageError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise UsageError(f"cannot listen on {host!r}: {err.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            hint = " (choose another with --port)" if port and err.errno in (98, 48, 10048) else ""
            raise UsageError(f"cannot listen on {host}:{port}: {err.strerror}{hint}") from None


def make_server(host: str, port: int, lang: str | None = None):
    """A textual-serve ``Server`` for the app; raises UsageError if textual-serve is missing."""
    import asyncio
    import logging
    import signal
    import socket

    from cli.main import UsageError

    try:
        from textual_serve.server import Server
    except ModuleNotFoundError:  # textual-serve, or aiohttp that it brings
        raise UsageError("'wordlab serve' needs the 'textual-serve' package "
                         "(pip install textual-serve)") from None

    class WordlabServer(Server):
        """textual-serve, with the page's addresses taken from the request.

        The stock page points its websocket at ``http://HOST:PORT`` as given to the server,
        which breaks for ``--host 0.0.0.0`` (a browser cannot connect to 0.0.0.0) and for an
        SSH tunnel on another local port; the address the browser used always works."""

        sessions: set = set()  # the tasks that serve an open browser tab

        def initialize_logging(self) -> None:
            super().initialize_logging()
            # a line per request (every script and picture of the page) drowns what matters
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def handle_websocket(self, request):
            task = asyncio.current_task()
            self.sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(task)

        async def on_shutdown(self, app) -> None:
            # Ctrl+C: end every tab's session now (each then quits its app), rather than
            # leaving aiohttp to wait for the open websockets (20 s and more, measured)
            for task in list(self.sessions):
                task.cancel()

        async def handle_index(self, request):
            # no await between this and the template's use of it: no other request interleaves
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        interrupted = False

        def _interrupt(self) -> None:
            self.interrupted = True
            self.request_exit()

        async def on_startup(self, app) -> None:
            # Ctrl+C exits 130 like every wordlab command; SIGTERM (a service manager) stays 0
            try:
                asyncio.get_running_loop().add_signal_handler(signal.SIGINT, self._interrupt)
            except NotImplementedError:  # Windows: KeyboardInterrupt as usual
                pass
            shown = socket.gethostname() if host in ("0.0.0.0", "::", "") else host
            if ":" in shown:
                shown = f"[{shown}]"
            sys.stdout.write(f"wordlab: serving the app on http://{shown}:{port} "
                             "(one app per browser tab); Ctrl+C stops\n")
            sys.stdout.flush()

    return WordlabServer(app_command(lang), host=host, port=port, title="wordlab")


def run(args: argparse.Namespace) -> int:
    from cli import output

    lang = args.lang or getattr(args, "app_lang", None)  # wordlab --lang ko serve counts too
    server = make_server(args.host, args.port, lang)
    check_port_free(args.host, args.port)
    if not is_loopback(args.host):
        output.note(warning(args.host, args.port))
    server.serve()
    from cli.main import EXIT_INTERRUPTED, EXIT_OK

    return EXIT_INTERRUPTED if server.interrupted else EXIT_OK
