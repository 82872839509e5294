"""Manual check (needs nginx): two `tomar serve` on one SeaweedFS bucket behind nginx with
TLS and a pinned certificate, the configuration of docs/SYNC.md; one instance is killed
with SIGKILL while devices sync. Run: .venv/bin/python scripts/s3_nginx_check.py"""

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# tests.conftest (imported below) sets the fast Argon2id for this process and its children.
import tempfile

from tests import seaweed
from tests.conftest import form
from tests.synckit import ServerProcess, close_all, device, free_port, organizer, self_signed

from tomar.core.intake import Intake
from tomar.sync import client
from tomar.sync.http import RetryPolicy

base = Path(tempfile.mkdtemp(prefix="tomar-s3-nginx-"))
sw = seaweed.start(base / "sw")
bucket = sw.new_bucket()
cert, key, pin = self_signed(base)
nport = free_port()
url = f"https://127.0.0.1:{nport}"
org = organizer(base, sync_url=url, server_cert_sha256=pin)
ports = [free_port(), free_port()]
servers = [
    ServerProcess(
        base / "x",
        org.campaign_file,
        "--behind-proxy",
        "127.0.0.1",
        port=p,
        env=sw.env(),
        store_spec=f"s3://{bucket}/day",
    )
    for p in ports
]
for s in servers:
    s.start(60)
conf = base / "nginx.conf"
conf.write_text(f"""
worker_processes 1; pid {base}/nginx.pid; error_log {base}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off; client_body_temp_path {base}/body; proxy_temp_path {base}/proxy;
  limit_conn_zone $binary_remote_addr zone=tomar_conn:10m;
  limit_req_zone  $binary_remote_addr zone=tomar_req:10m rate=20r/s;
  upstream tomar {{
    server 127.0.0.1:{ports[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:{ports[1]} max_fails=1 fail_timeout=5s;
    keepalive 16;
  }}
  server {{
    listen 127.0.0.1:{nport} ssl;
    ssl_certificate {cert}; ssl_certificate_key {key}; ssl_protocols TLSv1.2 TLSv1.3;
    client_header_timeout 10s; client_body_timeout 30s; send_timeout 30s; keepalive_timeout 5s;
    reset_timedout_connection on; client_max_body_size 64m; large_client_header_buffers 4 16k;
    limit_conn tomar_conn 32; limit_req zone=tomar_req burst=200 nodelay;
    limit_conn_status 429; limit_req_status 429;
    location / {{
      proxy_pass http://tomar; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto https; proxy_request_buffering off; proxy_buffering on;
      proxy_connect_timeout 5s; proxy_read_timeout 120s; proxy_send_timeout 120s;
      proxy_next_upstream error timeout http_502 http_503; proxy_next_upstream_tries 2;
    }}
  }}
}}
""")
ng = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"])
time.sleep(1)
devs = [device(base, org, f"d{i}") for i in range(6)]
retry = RetryPolicy(attempts=20, base=0.1, cap=1.0)
t0 = time.monotonic()
errors = []


def vol(i, d):
    for r in range(4):
        d.save(form(f"S {i}-{r}", email=f"s{i}{r}@example.org"))
        res = client.sync_device(d, None, retry=retry)  # the campaign's sync_url: nginx
        if not res.ok:
            errors.append(res.errors)


ths = [threading.Thread(target=vol, args=(i, d)) for i, d in enumerate(devs)]
for t in ths:
    t.start()
time.sleep(1.5)
servers[0].kill()
print("killed instance 0 at", round(time.monotonic() - t0, 2))
for t in ths:
    t.join(300)
print("device syncs done", round(time.monotonic() - t0, 2), "errors", errors)
with Intake(org.vault) as intake:
    p = client.pull(intake, url, retry=retry)
    print("pull", p.ok, p.downloaded, p.receipts_sent, p.errors)
servers[0].start(60)
print("instance 0 back")
tot = 0
for d in devs:
    res = client.sync_device(d, None, retry=retry)
    tot += res.receipts_applied
    assert res.ok and res.pending == 0, res.errors
print("receipts applied", tot)
ng.send_signal(signal.SIGQUIT)
ng.wait(10)
for s in servers:
    s.stop()
sw.stop()
close_all(*devs)
org.vault.close()
