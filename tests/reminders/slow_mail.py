"""A file mail backend that can be slow: the window in which the end-to-end test kills a worker."""

import os
import time

from elus2.mail import FileEmailBackend


class SlowFileEmailBackend(FileEmailBackend):
    def send_messages(self, email_messages) -> int:
        time.sleep(float(os.environ.get("ELUS2_TEST_SEND_DELAY", "0")))
        return super().send_messages(email_messages)
