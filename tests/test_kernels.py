"""Kernels forked from a warm template: a fresh process per report, none left behind."""

import os

import nbformat
import pytest

from analysis.kernels import KernelTemplate
from analysis.publish import pid_alive as running  # and not a zombie nobody reaped
from analysis.render import render

pytestmark = pytest.mark.notebook

PROBE = """\
import builtins, os
print(os.getpid(), os.getppid(), getattr(builtins, "_ties_probe", "fresh"))
builtins._ties_probe = "used by an earlier report"
"""


def notebook(folder, name, *cells):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def printed(out, name):
    nb = nbformat.read(out / name / f"{name}.ipynb", as_version=4)
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def template():
    t = KernelTemplate()
    yield t
    t.close()


def test_each_report_gets_a_fresh_kernel_that_ends_with_it(tmp_path, template):
    first = notebook(tmp_path, "first", PROBE)
    second = notebook(tmp_path, "second", PROBE, "import pandas; print(pandas.__name__)")
    out = tmp_path / "out"
    assert render(first, formats="html", out=out, kernels=template).ok
    assert render(second, formats="html", out=out, kernels=template).ok
    pid1, parent1, state1 = printed(out, "first").split()[:3]
    pid2, parent2, state2 = printed(out, "second").split()[:3]
    assert pid1 != pid2  # two processes …
    assert int(parent1) == int(parent2) == template.pid  # … both forked from the template
    assert state1 == state2 == "fresh"  # nothing of the first report is seen by the second
    assert "pandas" in printed(out, "second")
    assert not alive(int(pid1)) and not alive(int(pid2))


def test_a_kernel_that_dies_fails_its_report_and_not_the_next(tmp_path, template):
    dying = notebook(tmp_path, "dying", "import os\nos._exit(3)")
    fine = notebook(tmp_path, "fine", PROBE)
    out = tmp_path / "out"
    rep = render(dying, formats="html", out=out, kernels=template)
    assert rep.status == "failed" and "DeadKernelError" in rep.error
    assert (out / "dying.failed.txt").exists()
    assert render(fine, formats="html", out=out, kernels=template).ok


def test_closing_the_template_ends_it(tmp_path):
    t = KernelTemplate()
    pid = t.pid
    t.close()
    assert not alive(pid)
    with pytest.raises(RuntimeError, match="template has stopped"):
        t.fork_kernel(str(tmp_path / "k.json"), str(tmp_path), [])


def test_processes_a_cell_starts_end_with_its_kernel(tmp_path, template):
    spawner = notebook(tmp_path, "spawner", "import os, subprocess\n"
                       "child = subprocess.Popen(['sleep', '600'])\n"
                       "print(os.getpid(), child.pid)")
    out = tmp_path / "out"
    assert render(spawner, formats="html", out=out, kernels=template).ok
    kernel, child = map(int, printed(out, "spawner").split()[:2])
    assert not alive(kernel)
    for _ in range(100):  # SIGKILL is sent; the child may take a moment to be gone
        if not running(child):
            break
        import time
        time.sleep(0.05)
    assert not running(child)


def test_a_template_ends_when_its_parent_dies(tmp_path):
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""\
        from analysis.kernels import KernelTemplate
        t = KernelTemplate()
        print(t.pid, flush=True)
        import os, signal
        os.kill(os.getpid(), signal.SIGKILL)
        """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    pid = int(proc.stdout.split()[0])
    for _ in range(200):
        if not running(pid):
            break
        import time
        time.sleep(0.05)
    assert not running(pid)
