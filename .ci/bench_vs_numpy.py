#!/usr/bin/env python3
"""How pureneuron's speed compares with the numpy programs of the posts.

Not run by CI's tests: it needs numpy (for this Python) and pypy3, and takes
a few minutes.  Run it with the CPython that has numpy:

    python3 .ci/bench_vs_numpy.py            # the targets, as ratios
    python3 .ci/bench_vs_numpy.py --table    # also the README's µs-an-iteration table

Targets, for each program the posts train for 60,000 iterations (three-layer
first; eleven-lines and multi-layer too): `python3 pureneuron.py PROGRAM` at
most 2.0x the time of the numpy program doing the same on CPython, and `pypy3
pureneuron.py PROGRAM` at most half of it.  All three are timed as whole processes (start-up
and imports included), side by side: A B C, A B C, ... and the medians compared.

The numpy programs are the posts' programs as printed, in numpy_reference.py
beside this file (the tests compare pureneuron with the same ones), so that
pureneuron.py never imports numpy; pureneuron prints the same numbers.
"""

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PURENEURON = os.path.join(os.path.dirname(HERE), "pureneuron.py")

# The programs as pureneuron's bench names them (gradient-descent: one alpha, 1),
# which are numpy_reference.PROGRAMS' names too.
PROGRAMS = ["nine-lines", "neuron", "two-layer", "three-layer", "eleven-lines", "multi-layer",
            "gradient-descent"]
# The ones the posts train for 60,000 iterations, which the targets are about.
LONG_PROGRAMS = ["three-layer", "eleven-lines", "multi-layer"]

# Times the numpy programs as `pureneuron.py bench` times its own: one run to
# warm up, then the median of RUNS runs of ITERATIONS iterations.
NUMPY_BENCH = """\
import statistics, sys, time
import numpy
sys.path.insert(0, %r)
from numpy_reference import PROGRAMS
ITERATIONS, RUNS = int(sys.argv[1]), int(sys.argv[2])
for name in sys.argv[3:]:
    settings = {"alphas": (1,)} if name == "gradient-descent" else {}
    seconds = []
    for _ in range(RUNS + 1):
        start = time.perf_counter()
        PROGRAMS[name](numpy, ITERATIONS, **settings)
        seconds.append(time.perf_counter() - start)
    print("%%s %%.1f" %% (name, statistics.median(seconds[1:]) / ITERATIONS * 1e6))
""" % HERE


def timed(command):
    """Run a command to the end, its output thrown away: (wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def version_of(python):
    """'CPython 3.11.7' or 'PyPy 3.9.16 (PyPy 7.3.11)' for an interpreter on the PATH."""
    code = ("import platform, sys; print(platform.python_implementation(), "
            "platform.python_version(), '(PyPy %d.%d.%d)' % sys.pypy_version_info[:3] "
            "if hasattr(sys, 'pypy_version_info') else '')")
    return output_of([python, "-c", code])


def output_of(command):
    """What a command prints, stripped."""
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def machine():
    """This machine in a line: CPUs and their model."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo
                         if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return "%d CPUs (nproc), %s, %s" % (os.cpu_count(), model, platform.platform())


def compare(pypy, rounds, folder, name):
    """One program as three whole processes, side by side, and the targets as ratios of medians."""
    numpy_file = os.path.join(folder, "numpy_%s.py" % name.replace("-", "_"))
    with open(numpy_file, "w") as out:  # the post's program, run as a script
        out.write("import sys\nimport numpy\nsys.path.insert(0, %r)\n"
                  "from numpy_reference import PROGRAMS\nPROGRAMS[%r](numpy, 60000)\n"
                  % (HERE, name))
    contenders = [("pureneuron, CPython", [sys.executable, PURENEURON, name]),
                  ("numpy program, CPython", [sys.executable, numpy_file]),
                  ("pureneuron, PyPy", [pypy, PURENEURON, name])]
    times = {contender: [] for contender, _ in contenders}
    for _ in range(rounds):
        for contender, command in contenders:
            times[contender].append(timed(command))
    print("%s (60,000 iterations), whole process, median of %d rounds run side by side:"
          % (name, rounds))
    medians = {}
    for contender, _ in contenders:
        wall = statistics.median(t[0] for t in times[contender])
        cpu = statistics.median(t[1] for t in times[contender])
        medians[contender] = wall, cpu
        print("  %-24s %6.2f s wall  %6.2f s CPU" % (contender, wall, cpu))
    numpy_wall, numpy_cpu = medians["numpy program, CPython"]
    for contender, target in [("pureneuron, CPython", 2.0), ("pureneuron, PyPy", 0.5)]:
        wall, cpu = medians[contender]
        print("  %-24s %5.2fx numpy's time (%5.2fx in CPU time); target at most %.1fx: %s"
              % (contender, wall / numpy_wall, cpu / numpy_cpu, target,
                 "met" if wall / numpy_wall <= target else "NOT met"))


def table(pypy, iterations, runs):
    """The README's table: µs an iteration of each program's training on each side."""
    columns = []
    for python in [sys.executable, pypy]:
        out = output_of([python, PURENEURON, "bench", "--iterations", str(iterations),
                         "--runs", str(runs)])
        columns.append({line.split()[0]: line.split()[1] for line in out.splitlines()[1:]})
    out = output_of([sys.executable, "-c", NUMPY_BENCH, str(iterations), str(runs)] + PROGRAMS)
    # the numpy programs print as the posts did: only the timing lines have two words
    columns.append(dict(line.split() for line in out.splitlines()
                        if len(line.split()) == 2 and line.split()[0] in PROGRAMS))
    cpython = version_of(sys.executable)
    print("| program | pureneuron, %s | pureneuron, %s | numpy %s, %s |"
          % (cpython, version_of(pypy), numpy_version(), cpython))
    print("| --- | ---: | ---: | ---: |")
    for name in columns[0]:
        print("| %s | %s | %s | %s |" % (name, columns[0][name], columns[1].get(name, "-"),
                                         columns[2].get(name, "-")))
    print("(µs an iteration; median of %d runs of %d iterations after one to warm up)"
          % (runs, iterations))


def numpy_version():
    """The version of numpy this Python imports."""
    return output_of([sys.executable, "-c", "import numpy; print(numpy.__version__)"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pypy", default="pypy3", help="the PyPy to run (default pypy3)")
    parser.add_argument("--rounds", type=int, default=5, help="side-by-side rounds (default 5)")
    parser.add_argument("--programs", nargs="+", choices=LONG_PROGRAMS, default=LONG_PROGRAMS,
                        metavar="NAME", help="which 60,000-iteration programs to compare "
                                             "(default: %s)" % ", ".join(LONG_PROGRAMS))
    parser.add_argument("--table", action="store_true",
                        help="also print the README's table of µs an iteration")
    parser.add_argument("--iterations", type=int, default=10000,
                        help="iterations a run for the table (default 10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs for the table (default 5)")
    args = parser.parse_args()
    pypy = shutil.which(args.pypy)
    if pypy is None:
        sys.exit("bench_vs_numpy.py: no %s on the PATH (apt-get install pypy3)" % args.pypy)
    print("machine: %s" % machine())
    print("pythons: %s; %s; numpy %s"
          % (version_of(sys.executable), version_of(pypy), numpy_version()))
    with tempfile.TemporaryDirectory() as folder:
        for name in args.programs:
            compare(pypy, args.rounds, folder, name)
    if args.table:
        table(pypy, args.iterations, args.runs)


if __name__ == "__main__":
    main()
