"""gunicorn in production (`Procfile`'s web process) and in `make bench`, which measures with it.

Sync workers, as many as the machine has cores: the bench on a 2-core machine found the quiz
submissions and pages CPU-bound (each request holds a core while Python renders it), so more
processes than cores only queue, and threads would share one interpreter lock. Each worker
restarts after a bounded number of requests (jittered, so they do not all restart together) to
keep memory in check; a request that takes longer than `timeout` is a bug, not a load.
Every value can be set from the environment for a given machine.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Requests larger than these are refused by gunicorn before Django reads them.
limit_request_line = 8190
limit_request_fields = 100
# The reverse proxy terminates TLS; Django reads X-Forwarded-Proto itself
# (SECURE_PROXY_SSL_HEADER), and rate limits read X-Forwarded-For (ELUS2_TRUSTED_PROXY_COUNT).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
