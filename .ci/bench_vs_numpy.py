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

The numpy programs live here as strings, so that pureneuron.py never imports
numpy.  They are the posts' programs; pureneuron prints the same numbers.
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

# The training loops of the programs, written with numpy as the posts write
# them: each a function of the iteration count, as pureneuron's programs are.
NUMPY_PROGRAMS = """\
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

MILO_X = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]])
MILO_Y = np.array([[0, 1, 1, 0]]).T
TRASK_X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])

def nine_lines(iterations):
    np.random.seed(1)
    w = 2 * np.random.random((3, 1)) - 1
    for i in range(iterations):
        output = sigmoid(np.dot(MILO_X, w))
        w += np.dot(MILO_X.T, (MILO_Y - output) * output * (1 - output))
    return sigmoid(np.dot(np.array([1, 0, 0]), w))

def neuron(iterations):
    np.random.seed(1)
    w = 2 * np.random.random((3, 1)) - 1
    for i in range(iterations):
        output = sigmoid(np.dot(MILO_X, w))
        error = MILO_Y - output
        w += np.dot(MILO_X.T, error * (output * (1 - output)))
    return sigmoid(np.dot(np.array([1, 0, 0]), w))

def two_layer(iterations):
    y = np.array([[0, 0, 1, 1]]).T
    np.random.seed(1)
    syn0 = 2 * np.random.random((3, 1)) - 1
    for i in range(iterations):
        l0 = TRASK_X
        l1 = sigmoid(np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * (l1 * (1 - l1))
        syn0 += np.dot(l0.T, l1_delta)
    return l1

def nonlin(x, deriv=False):
    if deriv == True:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))

def three_layer(iterations):
    # the post's program as printed, xrange made range: nonlin, and the errors printed
    y = np.array([[0], [1], [1], [0]])
    np.random.seed(1)
    syn0 = 2 * np.random.random((3, 4)) - 1
    syn1 = 2 * np.random.random((4, 1)) - 1
    errors = []
    for j in range(iterations):
        l0 = TRASK_X
        l1 = nonlin(np.dot(l0, syn0))
        l2 = nonlin(np.dot(l1, syn1))
        l2_error = y - l2
        if (j % 10000) == 0:
            errors.append(np.mean(np.abs(l2_error)))
            print("Error:" + str(errors[-1]))
        l2_delta = l2_error * nonlin(l2, deriv=True)
        l1_error = l2_delta.dot(syn1.T)
        l1_delta = l1_error * nonlin(l1, deriv=True)
        syn1 += l1.T.dot(l2_delta)
        syn0 += l0.T.dot(l1_delta)
    return errors

def eleven_lines(iterations):
    X, y = TRASK_X, np.array([[0, 1, 1, 0]]).T
    np.random.seed(1)
    syn0 = 2 * np.random.random((3, 4)) - 1
    syn1 = 2 * np.random.random((4, 1)) - 1
    for j in range(iterations):
        l1 = 1 / (1 + np.exp(-(np.dot(X, syn0))))
        l2 = 1 / (1 + np.exp(-(np.dot(l1, syn1))))
        l2_delta = (y - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    return l2

def multi_layer(iterations):
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0]])
    y = np.array([[0, 1, 1, 1, 1, 0, 0]]).T
    np.random.seed(1)
    layer1 = 2 * np.random.random((3, 4)) - 1
    layer2 = 2 * np.random.random((4, 1)) - 1
    for iteration in range(iterations):
        output1 = sigmoid(np.dot(X, layer1))
        output2 = sigmoid(np.dot(output1, layer2))
        layer2_delta = (y - output2) * (output2 * (1 - output2))
        layer1_delta = layer2_delta.dot(layer2.T) * (output1 * (1 - output1))
        layer1 += X.T.dot(layer1_delta)
        layer2 += output1.T.dot(layer2_delta)
    return sigmoid(np.dot(sigmoid(np.dot(np.array([1, 1, 0]), layer1)), layer2))

def gradient_descent(iterations, alpha=1):
    y = np.array([[0], [1], [1], [0]])
    np.random.seed(1)
    syn0 = 2 * np.random.random((3, 4)) - 1
    syn1 = 2 * np.random.random((4, 1)) - 1
    errors = []
    for j in range(iterations):
        l1 = sigmoid(np.dot(TRASK_X, syn0))
        l2 = sigmoid(np.dot(l1, syn1))
        l2_error = l2 - y
        if (j % 10000) == 0:
            errors.append(np.mean(np.abs(l2_error)))
        l2_delta = l2_error * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 -= alpha * l1.T.dot(l2_delta)
        syn0 -= alpha * TRASK_X.T.dot(l1_delta)
    return errors
"""

# The programs as pureneuron's bench names them (gradient-descent: one alpha, 1);
# each numpy function above has the same name with "_" for "-".
PROGRAMS = ["nine-lines", "neuron", "two-layer", "three-layer", "eleven-lines", "multi-layer",
            "gradient-descent"]
# The ones the posts train for 60,000 iterations, which the targets are about.
LONG_PROGRAMS = ["three-layer", "eleven-lines", "multi-layer"]

# Times the numpy programs as `pureneuron.py bench` times its own: one run to
# warm up, then the median of RUNS runs of ITERATIONS iterations.
NUMPY_BENCH = NUMPY_PROGRAMS + """
import statistics, sys, time
ITERATIONS, RUNS = int(sys.argv[1]), int(sys.argv[2])
for name in sys.argv[3:]:
    seconds = []
    for _ in range(RUNS + 1):
        start = time.perf_counter()
        globals()[name.replace("-", "_")](ITERATIONS)
        seconds.append(time.perf_counter() - start)
    print("%s %.1f" % (name, statistics.median(seconds[1:]) / ITERATIONS * 1e6))
"""


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
    function = name.replace("-", "_")
    numpy_file = os.path.join(folder, "numpy_%s.py" % function)
    with open(numpy_file, "w") as out:
        out.write(NUMPY_PROGRAMS + "\nprint(%s(60000))\n" % function)
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
    columns.append(dict(line.split() for line in out.splitlines()
                        if not line.startswith("Error:")))  # three_layer prints as the post
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
