"""Check that pureneuron.py prints the same text on every Python a classroom may have.

For CPython 3.8 to 3.13, PyPy 3 and Pyodide (CPython for WebAssembly, as browser
notebooks run it, here under Node.js), this runs pureneuron.py with no arguments
(every program at the posts' settings), `--list`, each listed program with another
seed and few iterations (and again with its switches on), and one refused seed, and
compares exit status, standard output and standard error with CPython 3.11's, byte
for byte.  On each it also pastes the file into a "notebook cell" (exec with a
Jupyter kernel's sys.argv, which must print nothing and raise nothing) and then
calls three_layer(iterations=10001), compared the same way; and on the default
python3 it does the same in a real Jupyter kernel (ipykernel and nbclient, installed
into a venv in the cache).  It runs the test suite on each interpreter that pytest
installs on (Pyodide: the doctests and the tests marked `portable`).  The programs
are read from `pureneuron.py --list` (and other commands from `--help`), so new
ones are checked without changing this file.

An interpreter that cannot be found is reported as SKIP with the reason; any
difference, error or failed test makes the exit status 1.

    python3 .ci/check_interpreters.py [--cache DIR] [--pyodide-dir DIR] [--jobs 2]

Standard library only, so it runs wherever the default python3 does.
"""

import argparse
import concurrent.futures
import difflib
import hashlib
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
SCRIPT = "pureneuron.py"
PYODIDE_RUNNER = os.path.join(HERE, "run_pyodide.mjs")
CPYTHONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
REFERENCE = "cpython3.11"
SHORT_SETTINGS = {"--seed": "7", "--iterations": "500"}
REFUSED_SEED = ["--seed", "4294967296"]  # one past numpy's range: our own one-line error
TIMEOUT = 600  # seconds for any one run, so that a hung one cannot hold CI up for long
# Under Pyodide there are no processes, and the full suite would take minutes:
# there (and where --full-suite-on leaves an interpreter out) the doctests and the
# tests marked `portable` (no subprocess, no numpy, quick) run, in two pytest runs
# (a doctest carries no marker, so no one -m expression selects both); the
# outputs are compared in full everywhere.
LIGHT_TESTS = [("doctests", ["pureneuron.py"]),
               ("portable tests", ["test_pureneuron.py", "-m", "portable and not full_length"])]

# On the other interpreters the suite leaves out its full-length runs of the
# posts' programs: their printed output is compared here with the reference's,
# byte for byte, and the default python3 runs those tests too.  (Tests marked
# needs_numpy skip where numpy is missing, as it is in the folders pytest is
# installed into here; .ci/run runs them on the default python3.)
ACROSS_INTERPRETERS = ["-m", "not full_length"]

# Options with a value that a program's short run is also tried with, beside its
# on/off switches (found in its --help): the parts of the program they reach.
EXTRA_OPTIONS = {"gradient-descent": ["--hidden", "5", "--alpha", "0.5"],
                 "train": ["--every", "100", "--ask", "1,0,1"]}

# Pasting the whole file into a notebook cell: it must print nothing and raise
# nothing (the kernel's sys.argv is not ours to parse); then a second cell calls
# a program, whose output is compared like the others'.  Run with the file's
# folder as the working directory.
KERNEL_ARGV = ["/x/ipykernel_launcher.py", "-f", "/x/kernel-1.json"]
SECOND_CELL = "three_layer(iterations=10001)"
PASTE = "<notebook paste>"  # its key among the runs' arguments
PASTE_CODE = """\
import contextlib, io, sys, traceback
sys.argv = %r
with open("pureneuron.py", encoding="utf-8") as file:
    source = file.read()
cell = {"__name__": "__main__"}
out, err = io.StringIO(), io.StringIO()
problem = ""
try:
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        exec(compile(source, "<cell>", "exec"), cell)
except BaseException:
    problem = traceback.format_exc()
if problem or out.getvalue() or err.getvalue():
    sys.stderr.write("pasting pureneuron.py into a notebook cell (sys.argv %%r) printed or "
                     "raised:\\n%%s%%s%%s" %% (sys.argv, out.getvalue(), err.getvalue(), problem))
    sys.exit(3)
exec(compile(%r, "<cell 2>", "exec"), cell)
""" % (KERNEL_ARGV, SECOND_CELL)

# The same in a real Jupyter kernel: the default python3 with ipykernel, driven by
# nbclient, both installed into a venv in the cache (a minute the first time).
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

# Commands whose output is not the same from run to run, so not compared.
NOT_COMPARED = {"bench": "it prints how long each program took"}

_print_lock = threading.Lock()
_started = time.time()


def say(text):
    """Print a line at once, whole, whichever thread asks."""
    with _print_lock:
        print(text, flush=True)


class Interpreter:
    """A Python that can run a script and a module, and how to give it pytest."""

    def __init__(self, name, kind, command, version, env=None):
        self.name, self.kind, self.command, self.version = name, kind, command, version
        self.env = env or {}

    def script(self, args):
        """The command line that runs pureneuron.py with args."""
        if self.kind == "pyodide":
            return self.command + [SCRIPT] + list(args)
        # -I: no user site or PYTHON* variables, as on a bare machine; -W error:
        # a deprecation in a newer Python stops the run instead of passing quietly.
        return self.command + ["-I", "-W", "error", SCRIPT] + list(args)

    def paste(self):
        """The command line that pastes pureneuron.py into a notebook cell (PASTE_CODE)."""
        if self.kind == "pyodide":
            return self.command + ["--mount", REPO, "-c", PASTE_CODE]
        return self.command + ["-I", "-W", "error", "-c", PASTE_CODE]

    def pytest(self, site, args):
        """The command line that runs pytest, found in site, in the repository."""
        if self.kind == "pyodide":
            return self.command + ["--mount", REPO, "--path", site, "-m", "pytest"] + list(args)
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


def digest(path):
    """The SHA-256 of a file's bytes, to notice it changing under us."""
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


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
    if not pyodide_dir or not os.path.exists(os.path.join(pyodide_dir, "pyodide.mjs")):
        return "not installed (no pyodide.mjs in %s)" % (pyodide_dir or "--pyodide-dir")
    env = {"PYODIDE_DIR": pyodide_dir}
    command = [node, PYODIDE_RUNNER]
    found = identify(command, env)
    if not found:
        return "pyodide in %s does not start under %s" % (pyodide_dir, node)
    node_version = run([node, "--version"]).out.strip()
    try:
        with open(os.path.join(pyodide_dir, "package.json")) as file:
            package = re.search(r'"version"\s*:\s*"([^"]+)"', file.read()).group(1)
    except (OSError, AttributeError):
        package = "?"
    return Interpreter("pyodide", "pyodide", command,
                       "%s (Pyodide %s, Node.js %s)" % (found[1], package, node_version), env)


def run_batch(interpreter, arguments):
    """Several runs of pureneuron.py in one Pyodide (see run_pyodide.mjs --batch)."""
    command = interpreter.command + ["--batch", json.dumps([list(a) for a in arguments]), SCRIPT]
    batch = run(command, interpreter.env)
    try:
        results = json.loads(batch.out)
        assert len(results) == len(arguments)
    except (ValueError, AssertionError):
        # Then every one of them failed, and says why.
        results = [{"status": "batch failed (%s)" % batch.status, "out": batch.out,
                    "err": batch.err}] * len(arguments)
    return {(interpreter.name, args): Result(result["status"], result["out"], result["err"],
                                             batch.seconds / len(arguments))
            for args, result in zip(arguments, results)}


# --- pytest for each interpreter ---------------------------------------------

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


def run_tests(interpreter, cache, full):
    """Install pytest and run the suite (or its light part); (ok, one-line summary, details)."""
    site, how = install_pytest(interpreter, cache)
    if site is None:
        return None, "SKIP tests: " + how.splitlines()[0], how
    common = ["-q", "-p", "no:cacheprovider"]
    parts = [("", common + ACROSS_INTERPRETERS)] if full else \
        [(label + ": ", common + args) for label, args in LIGHT_TESTS]
    ok, closings, details, seconds = True, [], [], 0.0
    for label, args in parts:
        result = run(interpreter.pytest(site, args), dict(interpreter.env, PYTHONPATH=site))
        seconds += result.seconds
        lines = (result.out + result.err).strip().splitlines()
        closing = lines[-1].strip("= ") if lines else "(no output)"
        passed = re.search(r"\b(\d+) passed\b", closing)
        if result.status == 5:
            closing = "no tests collected (pytest exit 5): " + closing
        closings.append(label + closing)
        if not (result.status == 0 and passed is not None and int(passed.group(1)) > 0):
            ok = False  # a run that passed no test is a failure too
            details.append(indent("$ pytest %s\n%s" % (" ".join(args), "\n".join(lines[-60:]))))
    summary = "tests: %s (pytest %s, %.0f s)" % ("; ".join(closings), how, seconds)
    if interpreter.kind == "pyodide":
        summary += " [no processes in the browser]"
    elif not full:
        summary += " [--full-suite-on leaves this one the light part]"
    return ok, summary, "\n".join(details)


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


def judge_jupyter(outcome, reference_paste):
    """What went wrong in the real notebook (a list of problems), and a summary."""
    how, result = outcome
    if result is None:
        return None, "SKIP jupyter: " + how
    problems = []
    try:
        cells = json.loads(result.out.strip().splitlines()[-1]) if result.status == 0 else None
    except (ValueError, IndexError):
        cells = None
    if not cells or len(cells) != 3:
        problems.append("nbclient exited %s:\n%s" % (result.status, indent(
            (result.out + result.err).strip()[-3000:])))
        return problems, "jupyter: the notebook did not run (%s)" % how

    def shown(outputs):
        return "".join(o.get("text", "") if o.get("output_type") == "stream" else
                       "".join(o.get("traceback", [])) or json.dumps(o)[:500]
                       for o in outputs)

    pasted, called, ran = cells
    if pasted:
        problems.append("the cell holding the whole file printed or raised:\n" +
                        indent(shown(pasted)[-3000:]))
    out = "".join(o["text"] for o in called
                  if o.get("output_type") == "stream" and o.get("name") == "stdout")
    others = [o for o in called
              if not (o.get("output_type") == "stream" and o.get("name") == "stdout")
              and o.get("output_type") != "execute_result"]
    if others:
        problems.append("`%s` printed to stderr or raised:\n%s" % (
            SECOND_CELL, indent(shown(others)[-3000:])))
    if out != reference_paste.out:
        problems.append("`%s` in the notebook:\n%s" % (SECOND_CELL, indent(explain_difference(
            reference_paste, Result(reference_paste.status, out, reference_paste.err, 0),
            "jupyter"))))
    if shown(ran) != "[ 0.99993704]\n":
        problems.append("`%%run pureneuron.py nine-lines` printed:\n" + indent(shown(ran)[-3000:]))
    return problems, "jupyter (ipykernel and nbclient on this python3; %s, %.0f s): %s" % (
        how, result.seconds, "the notebook's output is not the reference's" if problems else
        "the cell of the whole file printed nothing; `%s` printed the reference's output; "
        "`%%run pureneuron.py nine-lines` printed the post's answer" % SECOND_CELL)


# --- comparing outputs -------------------------------------------------------

def indent(text, by="    "):
    """Each line of text, indented, so a detail reads as part of the line above it."""
    return "\n".join(by + line for line in text.splitlines())


def explain_difference(expected, got, label):
    """Where two outputs part: the first differing line, and a short diff."""
    lines = []
    for what in ("status", "out", "err"):
        want, have = getattr(expected, what), getattr(got, what)
        if want == have:
            continue
        if what == "status":
            lines.append("exit status %s, reference %s" % (have, want))
            continue
        stream = "stdout" if what == "out" else "stderr"
        a, b = want.splitlines(True), have.splitlines(True)
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        lines.append("%s differs from line %d:" % (stream, first + 1))
        lines.append("    reference: %r" % (a[first] if first < len(a) else "<end>"))
        lines.append("    this:      %r" % (b[first] if first < len(b) else "<end>"))
        diff = list(difflib.unified_diff(a, b, "reference", label, n=1))
        lines.extend("    " + line.rstrip("\n") for line in diff[:40])
        if len(diff) > 40:
            lines.append("    ... %d more diff lines" % (len(diff) - 40))
    return "\n".join(lines)


def program_names(reference):
    """The programs `pureneuron.py --list` names (each line's first word), then any other
    command `--help` shows (argparse lists each on its own line, 4 spaces in)."""
    listing = run(reference.script(["--list"]))
    helptext = run(reference.script(["--help"]))
    if listing.status != 0 or not listing.out.strip() or helptext.status != 0:
        raise SystemExit("FAIL: %s pureneuron.py --list or --help failed:\n%s" % (
            reference.name, indent(listing.out + listing.err + helptext.out + helptext.err)))
    names = [line.split()[0] for line in listing.out.splitlines() if line.strip()]
    commands = re.findall(r"^    ([a-z][\w-]*)(?:\s|$)", helptext.out, re.MULTILINE)
    for name in NOT_COMPARED:
        say("not compared: %s (%s)" % (name, NOT_COMPARED[name]))
    return [name for name in names + [c for c in commands if c not in names]
            if name not in NOT_COMPARED]


def short_runs(reference, name):
    """How to run a program briefly (another seed, few iterations, where it takes them),
    and once more with all its on/off switches on (such as --table), if it has any, and
    its EXTRA_OPTIONS; each tried on the reference, and left out with a note if refused."""
    usage = run(reference.script([name, "--help"])).out
    args = [name]
    for option, value in SHORT_SETTINGS.items():
        if re.search(r"\[%s\b" % re.escape(option), usage):
            args += [option, value]
    switches = [flag for flag in re.findall(r"\[(--[\w-]+)\]", usage) if flag != "--help"]
    if len(args) > 1 and run(reference.script(args)).status == 2:
        say("NOTE: %s refuses `pureneuron.py %s`; running it with its defaults instead"
            % (reference.name, " ".join(args)))
        args = [name]
    chosen = [args]  # from here on it must run on the reference, and is compared
    extras = switches + EXTRA_OPTIONS.get(name, [])
    if extras:
        tried = run(reference.script(args + extras))
        if tried.status == 0:
            chosen.append(args + extras)
        else:
            say("NOTE: %s refuses `pureneuron.py %s`, so it is not run: %s" % (
                reference.name, " ".join(args + extras), tried.err.strip()[-300:]))
    return chosen


def main(argv=None):
    """Find the interpreters, run everything on them, report; 1 if anything differs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default=os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pureneuron-ci"),
        help="where pytest is installed for each interpreter (kept between runs)")
    parser.add_argument("--pyodide-dir", default=os.environ.get("PYODIDE_DIR"),
                        help="the folder of the npm package pyodide (holding pyodide.mjs)")
    parser.add_argument("--jobs", type=int, default=2, help="runs at once (default 2)")
    parser.add_argument("--tests-ran-on-default", action="store_true",
                        help="the suite already ran on this python3: don't run it again there")
    parser.add_argument("--require-all", action="store_true",
                        help="a skipped interpreter fails the check too")
    parser.add_argument("--full-suite-on", metavar="NAME,...", default="all",
                        help="run the whole test suite only on these (default all; Pyodide "
                             "never); the others run the doctests and tests marked portable")
    parser.add_argument("--no-jupyter", action="store_true",
                        help="skip the real Jupyter notebook (which installs ipykernel once)")
    parser.add_argument("--only", metavar="NAME,...",
                        help="check only these (e.g. cpython3.8,pyodide), besides the reference")
    options = parser.parse_args(argv)

    root = pyenv_root()
    finders = [("cpython" + minor, lambda minor=minor: find_cpython(minor, root))
               for minor in CPYTHONS]
    finders += [("pypy3", find_pypy), ("pyodide", lambda: find_pyodide(options.pyodide_dir))]
    wanted = set(options.only.split(",") + [REFERENCE]) if options.only else None
    unknown = wanted - {name for name, _ in finders} if wanted else None
    if unknown:
        parser.error("--only: no interpreter called %s" % ", ".join(sorted(unknown)))
    interpreters, skipped = [], []
    for name, find in finders:
        if wanted and name not in wanted:
            continue
        thing = find()
        if isinstance(thing, Interpreter):
            interpreters.append(thing)
        else:
            skipped.append((name, thing))
            say("SKIP %s: %s" % (name, thing))

    reference = next((i for i in interpreters if i.name == REFERENCE), None)
    if reference is None:
        version = identify([sys.executable])
        reference = Interpreter("python3", "cpython", [sys.executable], version[1])
        say("NOTE: no %s, so the outputs are compared with this python3 (%s) instead"
            % (REFERENCE, reference.version))
        interpreters.insert(0, reference)
    say("reference: %s %s" % (reference.name, reference.version))

    script_digest = digest(os.path.join(REPO, SCRIPT))
    programs = program_names(reference)
    runs = [["--list"], []] + [args for name in programs for args in short_runs(reference, name)]
    runs.append(REFUSED_SEED)
    say("programs: %s" % " ".join(programs))
    say("runs on each interpreter, compared with the reference's:")
    for args in runs:
        say("    pureneuron.py " + (" ".join(args) or "   (every program, posts' settings)"))
    say("    %s: exec the file in a cell, sys.argv %s; then %s"
        % (PASTE, " ".join(KERNEL_ARGV), SECOND_CELL))
    if not options.no_jupyter:
        say("and on this python3, a real Jupyter notebook: a cell of the whole file, then %s"
            % SECOND_CELL)
    default_python = os.path.realpath(sys.executable)

    def full_suite(interpreter):
        """Whether this interpreter runs the whole suite (never Pyodide: no processes)."""
        if interpreter.kind == "pyodide":
            return False
        chosen = options.full_suite_on.split(",")
        return chosen == ["all"] or interpreter.name in chosen

    # Every run is independent: queue them all, the slowest first, two at a time.
    # (interpreter, what, the runs' arguments, a guess of its cost)
    jobs = []
    for interpreter in interpreters:
        slow = {"pyodide": 3.0, "pypy": 0.3}.get(interpreter.kind, 1.0)
        short = [tuple(args) for args in runs if args]
        if interpreter.kind == "pyodide":
            # Starting Pyodide takes seconds: the short runs share one start.
            jobs.append((interpreter, "batch", short, slow * len(short)))
        else:
            jobs += [(interpreter, "run", [args], slow) for args in short]
        jobs.append((interpreter, "run", [()], slow * 30))
        jobs.append((interpreter, "paste", [], slow * 3))
        if not (options.tests_ran_on_default and
                os.path.realpath(interpreter.command[0]) == default_python):
            jobs.append((interpreter, "tests", [], slow * (15 if full_suite(interpreter) else 5)))
    if not options.no_jupyter:
        jobs.append((None, "jupyter", [], 40))
    jobs.sort(key=lambda job: -job[3])

    interrupted = threading.Event()

    def work(job):
        interpreter, what, arguments, _ = job
        if interrupted.is_set():
            return {}
        if what == "jupyter":
            done = {"jupyter": run_jupyter(options.cache)}
            say("[%4.0f s] %-12s a real notebook on this python3: done"
                % (time.time() - _started, "jupyter"))
            return done
        if what == "paste":
            done = {(interpreter.name, (PASTE,)): run(interpreter.paste(), interpreter.env)}
            label = None
        elif what == "tests":
            done = {(interpreter.name, "tests"):
                    run_tests(interpreter, options.cache, full_suite(interpreter))}
            label = "test suite"
        elif what == "batch":
            done = run_batch(interpreter, arguments)
            label = "pureneuron.py with the %d other arguments" % len(arguments)
        else:
            outcome = run(interpreter.script(arguments[0]), interpreter.env)
            done = {(interpreter.name, arguments[0]): outcome}
            label = "pureneuron.py (every program)" if arguments == [()] else None
        if label:  # the long ones; the short runs show in the summary
            say("[%4.0f s] %-12s %s: done" % (time.time() - _started, interpreter.name, label))
        return done

    outcomes = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        futures = [pool.submit(work, job) for job in jobs]
        try:
            for future in futures:
                outcomes.update(future.result())
        except KeyboardInterrupt:
            # Ctrl-C reached the runs too (one process group); start no more of them.
            interrupted.set()
            for future in futures:
                future.cancel()
            say("interrupted")
            return 130

    say("")
    say("== pureneuron.py on each interpreter, against %s %s" % (reference.name, reference.version))
    failed = []
    compared = runs + [[PASTE]]
    for interpreter in interpreters:
        problems, notes = [], []
        for args in compared:
            key = tuple(args)
            mine, theirs = outcomes[(interpreter.name, key)], outcomes[(reference.name, key)]
            command = ("pureneuron.py " + " ".join(args)).strip()
            if args == [PASTE]:
                command = "%s, then %s" % (PASTE, SECOND_CELL)
            if interpreter is reference:
                expected_status = 2 if args == REFUSED_SEED else 0
                if mine.status != expected_status or (mine.err and expected_status == 0):
                    problems.append("%s: exit status %s (expected %s)\n%s" % (
                        command, mine.status, expected_status, indent(mine.err[-2000:])))
                elif expected_status == 0 and not mine.out.strip():
                    problems.append("%s: printed nothing" % command)
            elif (mine.status, mine.out, mine.err) != (theirs.status, theirs.out, theirs.err):
                problems.append("%s:\n%s" % (command, indent(
                    explain_difference(theirs, mine, interpreter.name))))
        outputs = ("outputs: reference (%d runs)" if interpreter is reference else
                   "outputs: same as reference (%d runs)") % len(compared)
        if problems:
            outputs = "outputs: DIFFER in %d of %d runs" % (len(problems), len(compared))
        tests = outcomes.get((interpreter.name, "tests"))
        if tests is None:
            tests_line = "tests: the default python3's run, printed by .ci/run"
        else:
            tests_ok, tests_line, details = tests
            if tests_ok is False:
                problems.append("test suite failed:\n" + details)
            elif tests_ok is None:
                notes.append(details)
        status = "FAIL" if problems else "ok  "
        say("%s %s %s: %s; %s" % (status, interpreter.name, interpreter.version,
                                  outputs, tests_line))
        for problem in problems:
            say(indent(problem))
        for note in notes:
            say(indent(note))
        if problems:
            failed.append(interpreter.name)
    if "jupyter" in outcomes:
        problems, line = judge_jupyter(outcomes["jupyter"], outcomes[(reference.name, (PASTE,))])
        if problems is None:
            skipped.append(("jupyter", line[len("SKIP jupyter: "):]))
        else:
            say("%s %s" % ("FAIL" if problems else "ok  ", line))
            for problem in problems:
                say(indent(problem))
            if problems:
                failed.append("jupyter")
    for name, why in skipped:
        say("SKIP %s: %s" % (name, why))
    say("checked: %s" % ", ".join([i.name for i in interpreters] +
                                  [name for name in ["jupyter"] if name in outcomes and
                                   name not in dict(skipped)]))
    if skipped:
        say("skipped: %s" % ", ".join(name for name, _ in skipped))
    if failed:
        say("FAILED: %s" % ", ".join(failed))
    changed = digest(os.path.join(REPO, SCRIPT)) != script_digest
    if changed:
        say("FAIL: %s changed while these checks ran, so the interpreters may have run "
            "different versions of it: run them again" % SCRIPT)
    say("time: %.0f s for these checks" % (time.time() - _started))
    say("interpreters: %d passed, %d failed, %d skipped (jupyter counted as one)" % (
        len(interpreters) + ("jupyter" in outcomes) - len(failed), len(failed), len(skipped)))
    return 1 if failed or changed or (skipped and options.require_all) else 0


if __name__ == "__main__":
    sys.exit(main())
