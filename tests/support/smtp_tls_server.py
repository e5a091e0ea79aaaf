#!/usr/bin/python3
# An SMTP server for the hub's STARTTLS and AUTH tests (tests/server/tst_outbound_smtp_tls):
# Debian's aiosmtpd offering STARTTLS with CERT/KEY (or, with --no-starttls, no TLS at all)
# and AUTH PLAIN/LOGIN for USER/PASSWORD. It prints one line per command it handled, with
# whether the connection was encrypted then ("EHLO tls=0", "EHLO tls=1", "AUTH tls=1 user=u",
# "MAIL tls=1", "DATA tls=1 bytes=N"), and "ready PORT" once it listens. Message text is
# not printed.
#
# Usage: smtp_tls_server.py PORT CERT KEY USER PASSWORD [--no-starttls]
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, user, password = sys.argv[1:6]
starttls = "--no-starttls" not in sys.argv[6:]


def say(line):
    print(line, flush=True)


def encrypted(server):
    return 1 if getattr(server, "_tls_protocol", None) is not None else 0


class Recorder:
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        say(f"EHLO tls={encrypted(server)}")
        return responses

    async def handle_MAIL(self, server, session, envelope, address, options):
        say(f"MAIL tls={encrypted(server)} auth={1 if session.authenticated else 0}")
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        say(f"DATA tls={encrypted(server)} bytes={len(envelope.content)}")
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
        and auth_data.password.decode() == password
    say(f"AUTH tls={encrypted(server)} user={auth_data.login.decode()} ok={1 if ok else 0}")
    return AuthResult(success=ok)


kwargs = dict(authenticator=authenticate, auth_require_tls=True)
if starttls:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    kwargs.update(tls_context=context, require_starttls=True)
controller = Controller(Recorder(), hostname="127.0.0.1", port=int(port), **kwargs)
controller.start()
say(f"ready {port}")
while True:
    time.sleep(3600)
