"""Fresh notebook kernels forked from a warm template process, for batches.

Every report still runs in a kernel process of its own, started for it and shut down after it.
What a batch saves is the start-up: a new ``python -m ipykernel_launcher`` spends about 0.5 s
of CPU starting IPython and another 1.2 s when the notebook imports pandas and matplotlib, per
report. A :class:`KernelTemplate` pays that once per batch worker: it is a new Python process
(``python -m analysis.kernels``, so it holds nothing of the batch's own state) that imports
ipykernel, IPython, numpy, pandas and matplotlib (the inline backend selected, as ipykernel
does) and then waits. For each report it forks a child that becomes an ordinary IPython kernel
(``IPKernelApp``) on the report's connection file, in the notebook's folder, in a session of
its own. papermill drives it through :class:`ForkedKernelManager`; shutting the manager down
ends that child, and nothing of one report's kernel is seen by the next.

The template lives as long as the batch worker that started it, and each kernel as long as its
template, whatever ends them: on Linux each asks the kernel to signal it when its parent dies
(``PR_SET_PDEATHSIG``); everywhere the template also stops when the worker closes its end of the
request pipe, and a kernel when its template goes (ipykernel's parent poller). A template that
stops ends the process groups of the kernels it started, and a kernel shut down ends its whole
process group, so processes started by a notebook's cells do not outlive their report.
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.provisioner_base import KernelProvisionerBase

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"  # what ipykernel selects
WARM_MODULES = ("ipykernel.kernelapp", "IPython", "numpy", "pandas", "matplotlib.pyplot")


PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int, parent: int | None = None) -> None:
    """Ask the (Linux) kernel to send ``sig`` to this process when its parent dies; exit at
    once if ``parent`` (the pid expected as parent) has already gone. Elsewhere: nothing."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def kill_group(pid: int, lone: bool = True) -> None:
    """SIGKILL the process group led by ``pid`` (a kernel and what its cells started); with
    ``lone``, the process ``pid`` itself when it leads no group yet (it has just been forked).

    A group id is never handed out as a new process id while the group has members, so this
    cannot hit a stranger even after the kernel itself has gone.
    """
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        if lone:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    except PermissionError:
        pass


class KernelTemplate:
    """A warm process that forks kernels on request (see the module docstring).

    ``stderr_path``: where the template and its kernels write what goes to standard error
    (a batch's log under ``--quiet``); default: inherited.
    """

    def __init__(self, stderr_path: str | None = None):
        requests_r, self._requests = os.pipe()
        self._replies, replies_w = os.pipe()
        stderr = open(stderr_path, "a", encoding="utf-8") if stderr_path else None
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "analysis.kernels", str(requests_r), str(replies_w),
                 str(os.getpid())],
                pass_fds=(requests_r, replies_w), stdin=subprocess.DEVNULL, stderr=stderr)
        finally:
            if stderr is not None:
                stderr.close()
            os.close(requests_r)
            os.close(replies_w)
        self.pid = self._process.pid
        self._reader = os.fdopen(self._replies, "r", encoding="utf-8")

    def fork_kernel(self, connection_file: str, cwd: str, arguments: list[str]) -> int:
        """Start a kernel on ``connection_file`` in ``cwd`` with ``IPKernelApp`` command-line
        ``arguments``; returns its process id. RuntimeError if the template has gone."""
        request = json.dumps({"connection_file": connection_file, "cwd": cwd,
                              "arguments": list(arguments)}) + "\n"
        try:
            os.write(self._requests, request.encode())
            reply = self._reader.readline()
        except OSError as exc:
            raise RuntimeError(f"kernel template has stopped ({exc})") from None
        if not reply:
            raise RuntimeError("kernel template has stopped")
        answer = json.loads(reply)
        if "error" in answer:
            raise RuntimeError(f"kernel template could not start a kernel: {answer['error']}")
        return int(answer["pid"])

    def close(self) -> None:
        """Stop the template (its running kernels stop with it)."""
        try:
            os.close(self._requests)
        except OSError:
            pass
        self._reader.close()
        self._process.wait()


def _serve(requests: int, replies: int, parent: int | None = None) -> None:
    """The template's life: import, then fork one kernel per request until the pipe closes;
    then (or on SIGTERM, sent when its worker dies) end the kernels it started."""
    import importlib

    kernels: list[int] = []

    def stop(signum=None, frame=None) -> None:
        for pid in kernels:  # a kernel not yet leading its group dies with us (PDEATHSIG)
            kill_group(pid, lone=False)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    die_with_parent(signal.SIGTERM, parent)
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)  # before matplotlib is imported
    for module in WARM_MODULES:
        importlib.import_module(module)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped as they end
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch decides when the template ends
    for line in os.fdopen(requests, "r", encoding="utf-8"):
        try:
            request = json.loads(line)
            pid = os.fork()
        except Exception as exc:  # noqa: BLE001 — reported to the worker, which gives up cleanly
            os.write(replies, (json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n").encode())
            continue
        if pid == 0:
            os.close(requests)
            os.close(replies)
            _become_kernel(request)  # never returns
        kernels[:] = [k for k in kernels if _group_exists(k) or _exists(k)] + [pid]
        os.write(replies, (json.dumps({"pid": pid}) + "\n").encode())
    stop()


def _group_exists(pgid: int) -> bool:
    return _exists(pgid, os.killpg)


def _exists(pid: int, probe=os.kill) -> bool:
    try:
        probe(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _become_kernel(request: dict) -> None:
    """In a forked child: run an IPython kernel as ``python -m ipykernel_launcher`` would."""
    code = 1
    try:
        template = os.getppid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel's own subprocesses need waits
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        die_with_parent(signal.SIGKILL, template)
        os.setsid()  # like jupyter_client's launcher: a Ctrl-C at the terminal is not for kernels
        # (and the kernel leads a process group of its own, ended whole when it is shut down)
        os.chdir(request["cwd"])
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        asyncio.set_event_loop(asyncio.new_event_loop())
        from ipykernel.kernelapp import IPKernelApp

        argv = ["-f", request["connection_file"],
                f"--IPKernelApp.parent_handle={os.getppid()}", *request["arguments"]]
        sys.argv = ["ipykernel_launcher", *argv]
        app = IPKernelApp.instance()
        app.initialize(argv)
        app.start()
        code = 0
    finally:
        os._exit(code)


class ForkProvisioner(KernelProvisionerBase):
    """The process side of a forked kernel: signals and liveness by process id (the template,
    not this process, is its parent and reaps it)."""

    pid: int | None = None

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def poll(self) -> int | None:
        if self.pid is None:
            return 0
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return 0
        except PermissionError:  # the id was reused by another user's process: ours is gone
            return 0
        return None

    async def wait(self) -> int | None:
        while await self.poll() is None:
            await asyncio.sleep(0.02)
        self.pid = None
        return 0

    async def send_signal(self, signum: int) -> None:
        if self.pid is not None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)

    async def launch_kernel(self, cmd: list[str], **kwargs):  # pragma: no cover - not used
        raise NotImplementedError("forked kernels are started by ForkedKernelManager.start")

    async def cleanup(self, restart: bool = False) -> None:
        pass


class ForkedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel is forked from a :class:`KernelTemplate`.

    Call :meth:`start` before handing it to papermill (``km=``); papermill then only connects,
    and the caller shuts it down with :meth:`stop`.
    """

    def start(self, template: KernelTemplate, cwd: Path, arguments: list[str]) -> None:
        """Fork the kernel (returns at once; the client waits until it is ready)."""
        self.write_connection_file()
        provisioner = ForkProvisioner(kernel_id=self.kernel_id or "forked",
                                      kernel_spec=None, parent=self)
        provisioner.pid = template.fork_kernel(self.connection_file, str(cwd), arguments)
        self.provisioner = provisioner
        self._clients: list = []

    def client(self, **kwargs):
        kc = super().client(**kwargs)
        self._clients.append(kc)
        return kc

    def stop(self) -> None:
        """Close the clients made for this kernel, end the kernel, remove its connection file."""
        for kc in getattr(self, "_clients", []):
            kc.stop_channels()
        if self.provisioner is not None:
            pid = self.provisioner.pid
            if pid is not None:
                kill_group(pid)  # the kernel and whatever its cells started
            self.provisioner = None
        self.cleanup_connection_file()


if __name__ == "__main__":  # the template: python -m analysis.kernels REQUESTS REPLIES [PARENT]
    _serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
