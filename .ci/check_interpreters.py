"""Run the test suite on every Python a classroom may have.

CPython 3.8 to 3.13 (pyenv's), PyPy 3 (Debian's pypy3), and Pyodide, CPython for
WebAssembly as browser notebooks run it, here under Node.js: Pyodide 0.29 (Python
3.13) and Pyodide 314 (Python 3.14).  The suite pins every post's output byte for
byte and pastes the file into a notebook cell, so the suite passing on each is the
same text on each.  On the default python3 the file also goes into a real Jupyter
kernel (ipykernel and nbclient, installed into a venv in the cache): a cell holding
the whole file must print nothing, and a program called in the next cell prints
what it prints on the command line.

Each interpreter gets pytest in a folder of the cache (Pyodide: pure-Python wheels
for its version) and runs `python -m pytest` in the repository, two at a time.  An
interpreter that cannot be found is reported as SKIP with the reason, and every
test that skipped is listed with its reason; a failed test or a failed install
makes the exit status 1.

    python3 .ci/check_interpreters.py [--cache DIR] [--pyodide DIR]... [--jobs 2]

Standard library only, so it runs wherever the default python3 does.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(REPO), "shared")
SCRIPT = "pureneuron.py"
PYODIDE_RUNNER = os.path.join(HERE, "run_pyodide.mjs")
CPYTHONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
TIMEOUT = 1800  # seconds for any one run, so that a hung one cannot hold CI up for long
# The suite, with the reason of every skipped test (-rs); no .pytest_cache in the clone.
PYTEST_ARGS = ["-q", "-rs", "-p", "no:cacheprovider"]
# Rough minutes of each kind's suite, slowest first, to keep both cores busy to the end.
COST = {"pyodide": 3, "cpython": 1, "pypy": 1}

# The real Jupyter kernel: a cell holding the whole file, then a program called, then the
# file run by %run as a learner runs a script in a notebook.
SECOND_CELL = "three_layer(iterations=10001)"
JUPYTER_PACKAGES = ["ipykernel", "nbclient", "nbformat"]
JUPYTER_CODE = """\
import json, sys, tempfile, nbclient, nbformat
with open(sys.argv[1], encoding="utf-8") as file:
    source = file.read()
notebook = nbformat.v4.new_notebook()
notebook.cells = [nbformat.v4.new_code_cell(source), nbformat.v4.new_code_cell(%r),
                  nbformat.v4.new_code_cell("%%run " + sys.argv[1] + " nine-lines")]
with tempfile.TemporaryDirectory() as folder:  # a notebook elsewhere, not beside the file
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": folder}}).execute()
print(json.dumps([cell.outputs for cell in notebook.cells]))
""" % SECOND_CELL
# What the second cell must print: the same call in a plain python3.
SECOND_CELL_PLAIN = "import pureneuron; pureneuron." + SECOND_CELL

_print_lock = threading.Lock()
_started = time.time()


def say(text):
    """Print a line at once, whole, whichever thread asks."""
    with _print_lock:
        print(text, flush=True)


class Interpreter:
    """A Python, and how to run pytest with it."""

    def __init__(self, name, kind, command, version, env=None):
        self.name, self.kind, self.command, self.version = name, kind, command, version
        self.env = env or {}

    def pytest(self, site, args):
        """The command line that runs pytest, found in site, in the repository."""
        if self.kind == "pyodide":
            # ../shared beside the repository (the posts' outputs) where it is there too
            beside = [arg for folder in [SHARED] if os.path.isdir(folder)
                      for arg in ["--also", folder]]
            return self.command + ["--mount", REPO] + beside + ["--path", site, "-m", "pytest"] \
                + list(args)
        return self.command + ["-m", "pytest"] + list(args)


class Result:
    """What one run did: exit status, standard output, standard error, seconds taken."""

    def __init__(self, status, out, err, seconds):
        self.status, self.out, self.err, self.seconds = status, out, err, seconds


def run(command, env_extra=None, timeout=TIMEOUT, cwd=REPO):
    """Run a command with no standard input; its status, output, error output and duration."""
    env = dict(os.environ)
    env.update({"PYTHONDONTWRITEBYTECODE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "PIP_NO_INPUT": "1", "PIP_ROOT_USER_ACTION": "ignore"})
    env.update(env_extra or {})
    start = time.time()
    try:
        done = subprocess.run(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        status, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as expired:
        status, out, err = "timeout", expired.stdout or b"", (expired.stderr or b"") + \
            ("\n[stopped after %d seconds]\n" % timeout).encode()
    except OSError as error:
        status, out, err = "cannot start", b"", str(error).encode()
    return Result(status, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                  time.time() - start)


# --- finding the interpreters ------------------------------------------------

IDENTIFY = ("import platform, sys; print(platform.python_implementation(), "
            "'.'.join(map(str, sys.version_info[:3])))")


def identify(command, env=None):
    """('CPython', '3.8.18') for an interpreter that runs, else None."""
    result = run(command + ["-c", IDENTIFY], env, timeout=120)
    words = result.out.split()
    return tuple(words) if result.status == 0 and len(words) == 2 else None


def pyenv_root():
    """Where pyenv keeps its Pythons (its versions/ folder), even when pyenv is not on PATH."""
    if shutil.which("pyenv"):
        result = run(["pyenv", "root"], timeout=60)
        if result.status == 0 and result.out.strip():
            return result.out.strip()
    return os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")


def find_cpython(minor, root):
    """CPython 3.minor: pyenv's newest 3.minor.N, else python3.minor on PATH; or why not."""
    candidates = []
    versions = os.path.join(root, "versions")
    if os.path.isdir(versions):
        pattern = re.compile(r"^%s\.(\d+)$" % re.escape(minor))
        found = [(int(m.group(1)), name) for name in os.listdir(versions)
                 for m in [pattern.match(name)] if m]
        for _, name in sorted(found, reverse=True):
            candidates.append(os.path.join(versions, name, "bin", "python"))
    on_path = shutil.which("python" + minor)
    if on_path:
        candidates.append(on_path)
    for path in candidates:
        if os.path.exists(path):
            found = identify([path])
            if found and found[0] == "CPython" and found[1].rsplit(".", 1)[0] == minor:
                return Interpreter("cpython" + minor, "cpython", [path], found[1])
    return "not installed (no %s under %s, no python%s on PATH)" % (minor, versions, minor)


def find_pypy():
    """PyPy 3 as Debian installs it, or why not."""
    path = shutil.which("pypy3")
    if not path:
        return "not installed (no pypy3 on PATH)"
    found = identify([path])
    if not found or found[0] != "PyPy":
        return "pypy3 at %s does not run" % path
    return Interpreter("pypy3", "pypy", [path], found[1])


def find_pyodide(pyodide_dir):
    """Pyodide from the npm package in pyodide_dir, run by Node.js; or why not."""
    node = shutil.which("node")
    if not node:
        return "not installed (no node on PATH)"
    if not os.path.exists(os.path.join(pyodide_dir, "pyodide.mjs")):
        return "not installed (no pyodide.mjs in %s)" % pyodide_dir
    env = {"PYODIDE_DIR": pyodide_dir}
    command = [node, PYODIDE_RUNNER]
    found = identify(command, env)
    if not found:
        return "pyodide in %s does not start under %s" % (pyodide_dir, node)
    node_version = run([node, "--version"]).out.strip()
    return Interpreter(pyodide_name(pyodide_dir), "pyodide", command,
                       "%s (Pyodide %s, Node.js %s)" % (found[1], pyodide_version(pyodide_dir),
                                                        node_version), env)


def pyodide_version(pyodide_dir):
    """The version in the npm package's package.json, or '?'."""
    try:
        with open(os.path.join(pyodide_dir, "package.json")) as file:
            return json.load(file)["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def pyodide_name(pyodide_dir):
    """pyodide-0.29 or pyodide-314: the package's release (its major version, or major.minor
    for 0.x, as semantic versioning counts them), read where it is installed, else from the
    folder's path."""
    version = pyodide_version(pyodide_dir)
    if version == "?":
        in_path = re.search(r"pyodide-(\d+(?:\.\d+)+)", pyodide_dir)
        version = in_path.group(1) if in_path else "?"
    parts = version.split(".")
    return "pyodide-" + ".".join(parts[:2] if parts[0] == "0" else parts[:1])


# --- pytest on each interpreter ----------------------------------------------

def install_pytest(interpreter, cache):
    """A folder holding pytest for this interpreter (reused when cached), or why there is none."""
    key = re.sub(r"[^\w.]+", "-", "%s-%s" % (interpreter.name, interpreter.version.split()[0]))
    site = os.path.join(cache, "pytest-for", key)
    done = os.path.join(site, ".installed")
    if os.path.exists(done):
        return site, "cached"
    shutil.rmtree(site, ignore_errors=True)
    attempts = []
    if interpreter.kind != "pyodide":
        # The interpreter's own pip picks the pytest that supports it.
        attempts.append(interpreter.command + ["-m", "pip", "install", "-qq", "--target", site,
                                               "pytest"])
    # Else this pip fetches pure-Python wheels for that version.
    major_minor = ".".join(interpreter.version.split()[0].split(".")[:2])
    implementation = {"cpython": "cp", "pypy": "pp"}.get(interpreter.kind, "py")
    attempts.append([sys.executable, "-m", "pip", "install", "-qq", "--target", site,
                     "--only-binary=:all:", "--platform", "any", "--python-version", major_minor,
                     "--implementation", implementation, "--abi", "none", "pytest"])
    log = []
    for command in attempts:
        result = run(command, timeout=300)
        log.append("$ %s\n%s%s" % (" ".join(command), result.out, result.err))
        if result.status == 0 and os.path.exists(os.path.join(site, "pytest")):
            with open(done, "w") as file:
                file.write(interpreter.version + "\n")
            return site, "installed"
        shutil.rmtree(site, ignore_errors=True)
    return None, "pytest did not install:\n" + indent("\n".join(log)[-2000:])


SKIPPED_LINE = re.compile(r"^SKIPPED \[(\d+)\] [^:]+:\d+: (.*)$")


class Outcome:
    """What the suite did on one interpreter."""

    def __init__(self, ok, summary, details="", skips=()):
        self.ok, self.summary, self.details, self.skips = ok, summary, details, list(skips)


def run_tests(interpreter, cache):
    """Install pytest and run the whole suite; an Outcome (ok None: could not run it)."""
    site, how = install_pytest(interpreter, cache)
    if site is None:
        return Outcome(None, "SKIP tests: " + how.splitlines()[0], how)
    result = run(interpreter.pytest(site, PYTEST_ARGS), dict(interpreter.env, PYTHONPATH=site))
    lines = (result.out + result.err).strip().splitlines()
    closing = lines[-1].strip("= ") if lines else "(no output)"
    skips = collections.Counter()
    for line in lines:
        skipped = SKIPPED_LINE.match(line)
        if skipped:
            skips[skipped.group(2)] += int(skipped.group(1))
    passed = re.search(r"\b(\d+) passed\b", closing)
    ok = result.status == 0 and passed is not None and int(passed.group(1)) > 0
    details = "" if ok else indent("$ pytest %s (exit status %s)\n%s" % (
        " ".join(PYTEST_ARGS), result.status, "\n".join(lines[-80:])))
    return Outcome(ok, "%s (pytest %s, %.0f s in all)" % (closing, how, result.seconds), details,
                   sorted(skips.items(), key=lambda item: -item[1]))


# --- a real Jupyter notebook on the default python3 ------------------------

def run_jupyter(cache):
    """Install ipykernel and nbclient into a venv of this python3 (reused when cached) and
    run the notebook of JUPYTER_CODE there; (how it was installed, Result), or (why not, None)."""
    version = identify([sys.executable])
    key = re.sub(r"[^\w.]+", "-", "-".join(version or ("python3", "unknown")))
    venv = os.path.join(cache, "jupyter-venv", key)
    python = os.path.join(venv, "bin", "python")
    done = os.path.join(venv, ".installed")
    how = "cached"
    if not os.path.exists(done):
        shutil.rmtree(venv, ignore_errors=True)
        start = time.time()
        for command in ([sys.executable, "-m", "venv", venv],
                        [python, "-m", "pip", "install", "-qq"] + JUPYTER_PACKAGES):
            result = run(command, timeout=300)
            if result.status != 0:
                shutil.rmtree(venv, ignore_errors=True)
                return "could not install %s (`%s` exited %s):\n%s" % (
                    " ".join(JUPYTER_PACKAGES), " ".join(command[-4:]), result.status,
                    indent((result.out + result.err).strip()[-1500:])), None
        with open(done, "w") as file:
            file.write(" ".join(JUPYTER_PACKAGES) + "\n")
        how = "installed in %.0f s" % (time.time() - start)
    return how, run([python, "-c", JUPYTER_CODE, os.path.join(REPO, SCRIPT)])


def judge_jupyter(outcome):
    """What went wrong in the real notebook (a list of problems, None: skipped), and a summary."""
    how, result = outcome
    if result is None:
        return None, how
    problems = []
    try:
        cells = json.loads(result.out.strip().splitlines()[-1]) if result.status == 0 else None
    except (ValueError, IndexError):
        cells = None
    if not cells or len(cells) != 3:
        problems.append("nbclient exited %s:\n%s" % (result.status, indent(
            (result.out + result.err).strip()[-3000:])))
        return problems, "the notebook did not run (%s)" % how

    def shown(outputs):
        return "".join(o.get("text", "") if o.get("output_type") == "stream" else
                       "".join(o.get("traceback", [])) or json.dumps(o)[:500]
                       for o in outputs)

    pasted, called, ran = cells
    if pasted:
        problems.append("the cell holding the whole file printed or raised:\n" +
                        indent(shown(pasted)[-3000:]))
    plain = run([sys.executable, "-c", SECOND_CELL_PLAIN])
    printed = [o for o in called if o.get("output_type") != "execute_result"]  # not its value
    if "".join(o.get("text", "") for o in printed if o.get("name") == "stdout") != plain.out \
            or any(o.get("name") != "stdout" for o in printed) or plain.status != 0 or plain.err:
        problems.append("`%s` in the notebook printed:\n%s\nbut in a plain python3:\n%s" % (
            SECOND_CELL, indent(shown(called)[-2000:]), indent((plain.out + plain.err)[-2000:])))
    if shown(ran) != "[ 0.99993704]\n":
        problems.append("`%%run pureneuron.py nine-lines` printed:\n" + indent(shown(ran)[-3000:]))
    return problems, "ipykernel and nbclient on this python3 (%s, %.0f s): %s" % (
        how, result.seconds, "see below" if problems else
        "the cell of the whole file printed nothing; `%s` printed what a plain python3 prints; "
        "`%%run pureneuron.py nine-lines` printed the post's answer" % SECOND_CELL)


# --- reporting ---------------------------------------------------------------

def indent(text, by="    "):
    """Each line of text, indented, so a detail reads as part of the line above it."""
    return "\n".join(by + line for line in text.splitlines())


def find_interpreters(options):
    """[Interpreter], [(name, why it was skipped)], in the order they are reported."""
    root = pyenv_root()
    finders = [("cpython" + minor, lambda minor=minor: find_cpython(minor, root))
               for minor in CPYTHONS]
    finders.append(("pypy3", find_pypy))
    finders += [(pyodide_name(folder), lambda folder=folder: find_pyodide(folder))
                for folder in options.pyodide]
    wanted = set(options.only.split(",")) if options.only else None
    if wanted and wanted - {name for name, _ in finders}:
        raise SystemExit("--only: no interpreter called %s (there are %s)" % (
            ", ".join(sorted(wanted - {name for name, _ in finders})),
            ", ".join(name for name, _ in finders)))
    interpreters, skipped = [], []
    for name, find in finders:
        if wanted and name not in wanted:
            continue
        found = find()
        if isinstance(found, Interpreter):
            interpreters.append(found)
            say("found %s: %s" % (found.name, found.version))
        else:
            skipped.append((name, found))
            say("SKIP %s: %s" % (name, found))
    return interpreters, skipped


def main(argv=None):
    """Find the interpreters, run the suite on each, report; 1 if any failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default=os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pureneuron-ci"),
        help="where pytest is installed for each interpreter (kept between runs)")
    parser.add_argument("--pyodide", metavar="DIR", action="append", default=[],
                        help="the folder of an npm package pyodide (holding pyodide.mjs); "
                             "once for each Pyodide")
    parser.add_argument("--jobs", type=int, default=2, help="interpreters at once (default 2)")
    parser.add_argument("--suite-ran-on-default", action="store_true",
                        help="the suite already ran on this python3: don't run it again there")
    parser.add_argument("--require-all", action="store_true",
                        help="a skipped interpreter fails the check too")
    parser.add_argument("--no-jupyter", action="store_true",
                        help="skip the real Jupyter notebook (which installs ipykernel once)")
    parser.add_argument("--only", metavar="NAME,...",
                        help="run only on these (e.g. cpython3.8,pyodide-314)")
    parser.add_argument("--summary", metavar="FILE",
                        help="also write the closing summary (results and skips) to FILE")
    options = parser.parse_args(argv)

    interpreters, skipped = find_interpreters(options)
    default_python = os.path.realpath(sys.executable)
    ran_already = [i for i in interpreters if options.suite_ran_on_default
                   and os.path.realpath(i.command[0]) == default_python]
    jobs = [i for i in interpreters if i not in ran_already]
    jobs.sort(key=lambda i: -COST[i.kind])  # the slowest first
    if not options.no_jupyter:
        jobs.insert(min(len(jobs), 2), "jupyter")
    say("the whole suite on: %s" % " ".join(i.name for i in jobs if i != "jupyter"))

    def work(job):
        if job == "jupyter":
            done = run_jupyter(options.cache)
            say("[%4.0f s] jupyter: done" % (time.time() - _started))
            return done
        done = run_tests(job, options.cache)
        say("[%4.0f s] %s: %s" % (time.time() - _started, job.name, done.summary))
        return done

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        outcomes = dict(zip([getattr(j, "name", j) for j in jobs], pool.map(work, jobs)))

    report, failed = [], []
    for interpreter in interpreters:
        if interpreter in ran_already:
            report.append("ran  %s %s: the suite is the README's test command's run, whose "
                          "output ends this log" % (interpreter.name, interpreter.version))
            continue
        outcome = outcomes[interpreter.name]
        if outcome.ok is None:
            skipped.append((interpreter.name, outcome.summary))
            continue
        report.append("%s %s %s: %s" % ("ok  " if outcome.ok else "FAIL", interpreter.name,
                                        interpreter.version, outcome.summary))
        report.extend("       skipped %d: %s" % (count, why) for why, count in outcome.skips)
        if not outcome.ok:
            failed.append(interpreter.name)
            say("== %s: the suite failed\n%s" % (interpreter.name, outcome.details))
    if "jupyter" in outcomes:
        problems, line = judge_jupyter(outcomes["jupyter"])
        if problems is None:
            skipped.append(("jupyter", line))
        else:
            report.append("%s jupyter: %s" % ("FAIL" if problems else "ok  ", line))
            report.extend(indent(problem, "       ") for problem in problems)
            if problems:
                failed.append("jupyter")
    report.extend("SKIP %s: %s" % (name, why) for name, why in skipped)
    checked = [line.split()[1].rstrip(":") for line in report
               if line.startswith(("ok ", "ran "))]
    report.append("checked: %s" % (", ".join(checked) or "nothing"))
    if skipped:
        report.append("not checked (skipped): %s" % ", ".join(name for name, _ in skipped))
    if failed:
        report.append("FAILED: %s" % ", ".join(failed))
    report.append("time: %.0f s for these checks" % (time.time() - _started))
    say("")
    say("== the suite on each interpreter")
    for line in report:
        say(line)
    if options.summary:
        with open(options.summary, "w", encoding="utf-8") as file:
            file.write("\n".join(report) + "\n")
    return 1 if failed or (skipped and options.require_all) else 0


if __name__ == "__main__":
    sys.exit(main())
