#!/usr/bin/python3
# A small Twilio-compatible SMS API on loopback, for the demo (scripts/demo) and the hub's
# tests (tests/server/tst_outbound_*): what threadline-hub uses of Twilio's Messages API.
#
#   POST /2010-04-01/Accounts/{sid}/Messages.json  To, From, Body, StatusCallback
#        -> 201 {"sid", "status": "queued", ...}; then calls StatusCallback with "sent" and
#           "delivered" (tried again for about a minute while the hub is away, so a
#           restarted hub still hears the final status; Twilio retries only when asked)
#   GET  /2010-04-01/Accounts/{sid}/Messages.json?To=&From=&PageSize=
#        -> {"messages": [...newest first...]} with sid, to, from, body, status, date_created
#
# For tests only (not Twilio): GET /test/messages lists every message taken, oldest first,
# with its StatusCallback; POST /test/mode with mode=normal|hold|unavailable: `hold` keeps
# a message but never answers the POST (a hub that dies before it hears the answer),
# `unavailable` answers 503 without keeping it. With --token FILE, basic auth is checked.
#
# Usage: sms_api.py PORT [--token FILE] [--callback-delay SECONDS] [--answer-delay SECONDS]
# (--answer-delay: how long a POST waits for its answer after the message was kept, the
# window in which a hub that dies has handed a message over without hearing so)
# Prints "sms api listening on PORT" once ready. Logs no message text.
import argparse
import base64
import email.utils
import http.server
import itertools
import json
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("--token")
parser.add_argument("--callback-delay", type=float, default=1.0)
parser.add_argument("--answer-delay", type=float, default=0.0)
args = parser.parse_args()
token = open(args.token).readline().strip() if args.token else None

lock = threading.Lock()
messages = []  # oldest first
mode = "normal"
sids = itertools.count(1)


def report(url, sid):
    for status in ("sent", "delivered"):
        time.sleep(args.callback_delay)
        form = urllib.parse.urlencode({"MessageSid": sid, "MessageStatus": status}).encode()
        for attempt in range(60):  # about a minute: a hub restarting comes back in time
            try:
                urllib.request.urlopen(url, form, timeout=5).read()
                break
            except urllib.error.HTTPError as e:
                if e.code < 500:
                    print(f"sms api: callback refused: HTTP {e.code}", file=sys.stderr)
                    break
            except Exception:
                pass
            time.sleep(min(0.2 * (attempt + 1), 2))
        with lock:
            for m in messages:
                if m["sid"] == sid:
                    m["status"] = status


class Api(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def authorised(self):
        if token is None:
            return True
        expected = "Basic " + base64.b64encode(f"{self.account()}:{token}".encode()).decode()
        if self.headers.get("Authorization") == expected:
            return True
        self.answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
        return False

    def account(self):
        parts = urllib.parse.urlsplit(self.path).path.split("/")
        return parts[3] if len(parts) > 4 and parts[1:3] == ["2010-04-01", "Accounts"] else ""

    def is_messages(self):
        path = urllib.parse.urlsplit(self.path).path
        return path.startswith("/2010-04-01/Accounts/") and path.endswith("/Messages.json")

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/test/messages":
            with lock:
                return self.answer(200, {"messages": list(messages)})
        if not self.is_messages():
            return self.answer(404, {"code": 20404, "message": "Not found", "status": 404})
        if not self.authorised():
            return
        size = int(query.get("PageSize", ["50"])[0])
        with lock:
            found = [dict(m) for m in reversed(messages)
                     if all(m[field.lower()] == query[field][0]
                            for field in ("To", "From") if field in query)][:size]
        for m in found:
            m.pop("status_callback", None)
        self.answer(200, {"messages": found, "page_size": size})

    def do_POST(self):
        global mode
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
        if url.path == "/test/mode":
            mode = form.get("mode", ["normal"])[0]
            return self.answer(200, {"mode": mode})
        if not self.is_messages():
            return self.answer(404, {"code": 20404, "message": "Not found", "status": 404})
        if not self.authorised():
            return
        if mode == "unavailable":
            return self.answer(503, {"code": 20503, "message": "Service unavailable"})
        sid = "SM%032d" % next(sids)
        message = {
            "sid": sid,
            "to": form.get("To", [""])[0],
            "from": form.get("From", [""])[0],
            "body": form.get("Body", [""])[0],
            "status": "queued",
            "date_created": email.utils.format_datetime(datetime.now(timezone.utc)),
            "status_callback": form.get("StatusCallback", [""])[0],
        }
        with lock:
            messages.append(message)
        if message["status_callback"]:
            threading.Thread(target=report, args=(message["status_callback"], sid),
                             daemon=True).start()
        if mode == "hold":
            time.sleep(3600)  # the hub is killed before it hears back
            return
        time.sleep(args.answer_delay)
        self.answer(201, {k: v for k, v in message.items() if k != "status_callback"})

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Api)
server.daemon_threads = True
print(f"sms api listening on {server.server_address[1]}", flush=True)
server.serve_forever()
