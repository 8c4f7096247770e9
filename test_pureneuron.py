# --- playground: train and sigmoid (issue 5) ---

import math
import os
import signal
import string
import subprocess
import sys

import pytest

import pureneuron


def run_cli(capsys, *argv):
    """Run the command line; return (status, stdout, stderr)."""
    status = pureneuron.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write_csv(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_train_reproduces_milos_nine_line_answer(capsys):
    status, out, err = run_cli(capsys, "train", "--layers", "3,1", "--data", "milo",
                               "--iterations", "10000", "--ask", "1,0,0")
    assert (status, err) == (0, "")
    assert "New situation [1, 0, 0] -> [ 0.99993704]\n" in out
    # and the trained weights of Milo's class-based program
    assert "[[ 9.67299303]\n [-0.2078435 ]\n [-4.62963669]]\n" in out


def test_train_reproduces_trasks_three_layer_errors(capsys):
    status, out, err = run_cli(capsys, "train", "--layers", "3,4,1", "--data", "trask",
                               "--iterations", "60000", "--every", "10000")
    assert (status, err) == (0, "")
    errors = [line for line in out.splitlines() if line.startswith("Error:")]
    assert errors == ["Error:0.496410031903",
                      "Error:0.00858452565325",
                      "Error:0.00578945986251",
                      "Error:0.00462917677677",
                      "Error:0.00395876528027",
                      "Error:0.00351012256786"]


def test_train_is_not_a_post_program():
    assert {"train", "sigmoid"}.isdisjoint(p.name for p in pureneuron.PROGRAMS)


def test_train_network_returns_weights_and_an_error_per_iteration():
    result = pureneuron.train_network(pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS,
                                      [3, 4, 1], iterations=25)
    assert len(result["errors"]) == 25
    assert [pureneuron.shape(w) for w in result["weights"]] == [(3, 4), (4, 1)]
    rng = pureneuron.numpy_random(1)
    assert result["starting_weights"] == [pureneuron.random_weights(rng, 3, 4),
                                          pureneuron.random_weights(rng, 4, 1)]
    assert result["errors"][0] == pytest.approx(0.496410031903, abs=1e-12)


def test_layers_any_depth(capsys):
    status, out, _ = run_cli(capsys, "train", "--layers", "3,5,2,1", "--iterations", "5")
    assert status == 0
    assert "syn0 (3 inputs -> 5 neurons):" in out
    assert "syn1 (5 inputs -> 2 neurons):" in out
    assert "syn2 (2 inputs -> 1 neuron):" in out
    assert "syn3" not in out


def test_layers_default_to_data_inputs_4_hidden_1_output(capsys):
    status, out, _ = run_cli(capsys, "train", "--data", "milo", "--iterations", "1")
    assert status == 0
    assert "Training layers 3,4,1 for 1 iterations" in out


@pytest.mark.parametrize("name", sorted(pureneuron.DATASETS))
def test_every_named_table_trains(capsys, name):
    status, out, err = run_cli(capsys, "train", "--data", name, "--iterations", "3")
    assert (status, err) == (0, "")
    assert out.startswith("Data: %s, " % name)


def test_named_tables_reuse_the_posts_data():
    data = pureneuron.DATASETS
    assert data["milo"][:2] == (pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS)
    assert data["trask"][:2] == (pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS)
    assert data["trask-2layer"][1] == pureneuron.TRASK_2LAYER_OUTPUTS
    assert data["multi-layer"][0][3] == [0, 1, 0] and len(data["multi-layer"][1]) == 7
    gates = {"and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b}
    for name, gate in gates.items():
        X, y, _ = data[name]
        assert X == [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
        assert y == [[gate(a, b)] for a, b, _ in X]


def test_csv_file_with_header_and_blank_lines(capsys, tmp_path):
    path = write_csv(tmp_path, "first,second,constant,answer\n\n0,0,1,0\n1,1,1,1\n"
                               "1,0,1,1\n\n0,1,1,0\n")
    X, y = pureneuron.read_examples(path)
    assert (X, y) == (pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS)
    status, out, _ = run_cli(capsys, "train", "--data", path, "--layers", "3,1",
                             "--ask", "1,0,0")
    assert status == 0
    assert "Data: %s, 4 examples of 3 inputs\n" % path in out
    assert "New situation [1, 0, 0] -> [ 0.99993704]" in out  # same data, same numbers


def test_csv_without_header_and_fractional_targets():
    assert pureneuron.parse_examples(["0.5,1,0.25", " 1 , 0 , 1 "]) == (
        [[0.5, 1], [1, 0]], [[0.25], [1]])


def test_train_never_changes_the_users_file(capsys, tmp_path):
    path = write_csv(tmp_path, "0,0,1,0\n1,1,1,1\n1,0,1,1\n0,1,1,0\n")
    before = (os.stat(path).st_mtime_ns, open(path, "rb").read())
    assert run_cli(capsys, "train", "--data", path, "--iterations", "5", "--table",
                   "--plot")[0] == 0
    assert (os.stat(path).st_mtime_ns, open(path, "rb").read()) == before
    assert sorted(os.listdir(str(tmp_path))) == ["data.csv"]


def test_iterations_zero_keeps_the_starting_weights(capsys):
    status, out, _ = run_cli(capsys, "train", "--layers", "3,1", "--data", "milo",
                             "--iterations", "0", "--plot")
    assert status == 0
    start = pureneuron.random_weights(pureneuron.numpy_random(1), 3, 1)
    assert pureneuron.format_matrix(start) in out
    assert "Error in the last iteration" not in out
    assert "No iterations, so no error curve to draw." in out


def test_alpha_scales_each_update():
    args = (pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS, [3, 4, 1])
    one = pureneuron.train_network(*args, iterations=1, alpha=1)
    half = pureneuron.train_network(*args, iterations=1, alpha=0.5)
    for start, w1, w_half in zip(one["starting_weights"], one["weights"], half["weights"]):
        for r in range(len(start)):
            for c in range(len(start[0])):
                assert w_half[r][c] - start[r][c] == pytest.approx(
                    0.5 * (w1[r][c] - start[r][c]), rel=1e-9, abs=1e-15)


def test_alpha_on_the_command_line(capsys):
    status, out, _ = run_cli(capsys, "train", "--alpha", "0.5", "--iterations", "3",
                             "--every", "1")
    assert status == 0
    assert "alpha 0.5," in out
    expected = pureneuron.train_network(pureneuron.TRASK_INPUTS,
                                        pureneuron.TRASK_3LAYER_OUTPUTS, [3, 4, 1],
                                        iterations=3, alpha=0.5)["errors"]
    assert [l for l in out.splitlines() if l.startswith("Error:")] == [
        "Error:" + pureneuron.format_error(e) for e in expected]


def test_seed_picks_the_starting_weights(capsys):
    out = {seed: run_cli(capsys, "train", "--layers", "3,1", "--seed", seed,
                         "--iterations", "0")[1] for seed in ("1", "2")}
    assert out["1"] != out["2"]
    start = pureneuron.random_weights(pureneuron.numpy_random(2), 3, 1)
    assert pureneuron.format_matrix(start) in out["2"]
    assert "seed 2" in out["2"]


def test_bias_adds_a_row_of_weights_and_frees_the_all_zero_answer(capsys):
    X, y = pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS
    plain = pureneuron.train_network(X, y, [3, 1], iterations=2000)
    biased = pureneuron.train_network(X, y, [3, 1], iterations=2000, bias=True)
    assert [pureneuron.shape(w) for w in biased["weights"]] == [(4, 1)]
    assert pureneuron.answer(plain, [0, 0, 0]) == [0.5]
    assert pureneuron.answer(biased, [0, 0, 0])[0] < 0.3
    status, out, _ = run_cli(capsys, "train", "--layers", "3,4,1", "--bias",
                             "--iterations", "2")
    assert status == 0
    assert "syn0 (3 inputs + bias -> 4 neurons):" in out
    assert "syn1 (4 inputs + bias -> 1 neuron):" in out
    assert "with bias" in out


def test_every_counts_from_iteration_zero(capsys):
    status, out, _ = run_cli(capsys, "train", "--iterations", "25", "--every", "10")
    assert status == 0
    assert sum(line.startswith("Error:") for line in out.splitlines()) == 3  # 0, 10, 20
    status, out, _ = run_cli(capsys, "train", "--iterations", "25")
    assert "Error:" not in out


def test_every_reports_while_training():
    seen = []
    result = pureneuron.train_network(pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS,
                                      [3, 4, 1], iterations=7, every=3,
                                      progress=lambda i, e: seen.append((i, e)))
    assert seen == [(i, result["errors"][i]) for i in (0, 3, 6)]


def test_ask_is_repeatable(capsys):
    status, out, _ = run_cli(capsys, "train", "--layers", "3,1", "--data", "milo",
                             "--ask", "1,0,0", "--ask", "0, 1, 1")
    assert status == 0
    asked = [line for line in out.splitlines() if line.startswith("New situation")]
    assert asked[0] == "New situation [1, 0, 0] -> [ 0.99993704]"
    assert asked[1].startswith("New situation [0, 1, 1] -> [ 0.0")
    assert len(asked) == 2


def test_table_marks_the_training_rows(capsys):
    status, out, _ = run_cli(capsys, "train", "--layers", "3,1", "--data", "milo", "--table")
    assert status == 0
    lines = out.splitlines()
    start = lines.index("inputs  answer      trained on")
    rows = lines[start + 1:start + 9]
    assert [r[:5] for r in rows] == ["0 0 0", "0 0 1", "0 1 0", "0 1 1",
                                     "1 0 0", "1 0 1", "1 1 0", "1 1 1"]
    marked = {r[:5]: r.split("yes, target ")[1] for r in rows if "yes" in r}
    assert marked == {"0 0 1": "0", "1 1 1": "1", "1 0 1": "1", "0 1 1": "0"}
    assert rows[0] == "0 0 0   0.50000000"
    assert rows[4] == "1 0 0   0.99993704"
    assert lines[start + 9] == ("All zeros give 0.5: weights times 0 add up to 0; "
                                "sigmoid(0) = 0.5. Try --bias.")


def test_table_explains_all_zeros_for_deeper_networks_and_not_with_bias(capsys):
    out = run_cli(capsys, "train", "--iterations", "10", "--table")[1]
    assert "All zeros: the first layer can only say sigmoid(0) = 0.5. Try --bias." in out
    out = run_cli(capsys, "train", "--iterations", "10", "--table", "--bias")[1]
    assert "All zeros" not in out and "0 0 0   " in out


def test_answer_table_for_ten_inputs_but_not_eleven():
    X = [[0] * 10, [1] * 10]
    net = pureneuron.train_network(X, [[0], [1]], [10, 1], iterations=1)
    rows = pureneuron.answer_table(net, X, [[0], [1]])
    assert len(rows) == 1024
    assert rows[0][2] == [0] and rows[-1][2] == [1] and rows[1][2] == []
    wide = pureneuron.train_network([[0] * 11], [[0]], [11, 1], iterations=0)
    with pytest.raises(ValueError, match="up to 10 inputs"):
        pureneuron.answer_table(wide, [[0] * 11], [[0]])


def _plot_lines(out):
    lines = out.splitlines()
    return lines[next(i for i, l in enumerate(lines) if l.startswith("Mean absolute error")):]


def test_plot_fits_80_columns_and_is_labelled(capsys):
    status, out, _ = run_cli(capsys, "train", "--layers", "3,1", "--data", "milo",
                             "--iterations", "3000", "--plot")
    assert status == 0
    plot = _plot_lines(out)
    assert all(len(line) <= 80 for line in plot)
    assert all(set(line) <= set(string.printable) - set("\t\r\x0b\x0c") for line in plot)
    # the error falls from 0.52 to 0.015: more than a decade, so a log scale
    assert plot[0].startswith("Mean absolute error by iteration (log scale: it spans 1.")
    assert plot[-1].strip() == "iteration"
    assert plot[-2].split() == ["0", str(round(30 * 2999 / 59)), "2999"]  # column 30 of 0..59
    body = plot[1:-3]
    assert len(body) == 15 and plot[-3] == " " * 10 + "+" + "-" * 60
    assert body[0].split("|")[0].strip() == "0.517"  # the first error, at the top
    assert body[-1].split("|")[0].strip() == "0.0147"  # the last, at the bottom
    # one point a column, falling from the top-left to the bottom-right
    heights = [max(r for r, line in enumerate(reversed(body)) if len(line) > 11 + c
                   and line[11 + c] == "*") for c in range(60)]
    assert heights[0] == 14 and heights[-1] == 0
    assert heights == sorted(heights, reverse=True)


def test_plot_uses_a_linear_scale_for_a_flat_error():
    lines = pureneuron.error_plot([0.5, 0.49, 0.48] * 10)
    assert lines[0].endswith("(linear scale)")
    assert len(lines) == 1 + 15 + 3
    single = pureneuron.error_plot([0.3])
    assert single[15] == "      0.3 |*" and single[-2].split() == ["0"]


def test_trace_hook_sees_the_posts_names():
    calls = []
    result = pureneuron.train_network(pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS,
                                      [3, 4, 1], iterations=3,
                                      trace=lambda i, names: calls.append((i, names)))
    assert [i for i, _ in calls] == [0, 1, 2]
    names = calls[-1][1]
    assert list(names) == ["l0", "l1", "l2", "l2_error", "l2_delta", "syn1_update", "syn1",
                           "l1_error", "l1_delta", "syn0_update", "syn0"]
    assert [names["syn0"], names["syn1"]] == result["weights"]
    assert names["l0"] == pureneuron.TRASK_INPUTS
    assert pureneuron.mean_absolute(names["l2_error"]) == result["errors"][-1]


# Bad input: one line on stderr, status 2, and nothing trained.

BAD_CSV = [
    ("0,0,1,0\n1,1,1\n", "data.csv line 2: 3 fields, but line 1 has 4"),
    ("a,b,c,t\n0,0,1,0\n\n0,x,1,1\n", "data.csv line 4, column 2: 'x' is not a number"),
    ("0,0,1,0\n0,,1,1\n", "data.csv line 2, column 2: '' is not a number"),
    ("0,0,1,0\n0,nan,1,1\n", "data.csv line 2, column 2: 'nan' is not a finite number"),
    ("0,0,1,0\n0,1,1,2\n", "data.csv line 2, column 4: the target 2 is outside 0..1"),
    ("0,0,1,-0.5\n", "data.csv line 1, column 4: the target -0.5 is outside 0..1"),
    ("\n\n", "data.csv has no examples"),
    ("a,b,answer\n", "data.csv has no examples"),
    ("1\n", "data.csv line 1: 1 field, but a line needs the inputs and then the target"),
]


@pytest.mark.parametrize("text, message", BAD_CSV)
def test_bad_csv(capsys, tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path, text)
    status, out, err = run_cli(capsys, "train", "--data", "data.csv")
    assert (status, out) == (2, "")
    assert err.startswith("pureneuron.py: error: " + message)
    assert err.count("\n") == 1


def test_unreadable_data(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "binary.csv").write_bytes(b"0,0,\xff\n")
    (tmp_path / "folder").mkdir()
    for name, message in [("missing.csv", "cannot read missing.csv: No such file"),
                          ("folder", "cannot read folder: "),
                          ("binary.csv", "cannot read binary.csv: it is not UTF-8 text")]:
        status, out, err = run_cli(capsys, "train", "--data", name)
        assert (status, out) == (2, "")
        assert err.startswith("pureneuron.py: error: " + message), err
        assert err.count("\n") == 1


BAD_OPTIONS = [
    (["--layers", "2,4,1"], "layers 2,4,1 start with 2 inputs, but the data has 3 inputs an "
                            "example"),
    (["--layers", "4,4,1", "--bias"], "(--bias adds its constant 1 itself: count only the data's)"),
    (["--layers", "3,4,2"], "layers 3,4,2 end with 2 outputs, but the data has 1 target"),
    (["--layers", "3,,1"], "--layers takes numbers separated by commas, like 3,4,1; got '3,,1'"),
    (["--layers", "3,a,1"], "--layers takes numbers separated by commas"),
    (["--layers", "3,4.5,1"], "--layers takes whole numbers, like 3,4,1; got '3,4.5,1'"),
    (["--layers", "3"], "--layers needs at least two sizes"),
    (["--layers", "3,0,1"], "layers 3,0,1: give two sizes or more, each a whole number of at "
                            "least 1"),
    (["--layers", "3,-4,1"], "layers 3,-4,1: give two sizes or more"),
    (["--ask", "1,0"], "--ask 1,0 gives 2 numbers, but the network takes 3 inputs"),
    (["--ask", "1,x,0"], "--ask takes numbers separated by commas, like 1,0,0; got '1,x,0'"),
    (["--alpha", "0"], "alpha must be a number more than 0, got 0.0"),
    (["--alpha", "-1"], "alpha must be a number more than 0, got -1.0"),
    (["--alpha", "inf"], "alpha must be a number more than 0, got inf"),
    (["--alpha", "fast"], "--alpha takes a number, like 0.5; got 'fast'"),
    (["--iterations", "-1"], "iterations must be 0 or more, got -1"),
    (["--iterations", "many"], "argument --iterations: expected a whole number, got 'many'"),
    (["--every", "-5"], "every must be 0 (never) or more, got -5"),
    (["--seed", "-1"], "seed must be an integer from 0 to 2**32 - 1"),
    (["--data", "nonesuch"], "cannot read nonesuch: No such file"),
    (["--ask"], "argument --ask: expected one argument"),
]


@pytest.mark.parametrize("options, message", BAD_OPTIONS)
def test_bad_options(capsys, options, message):
    status, out, err = run_cli(capsys, "train", *options)
    assert status == 2
    assert message in err
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1
    assert out == ""  # checked before anything is printed or trained


def test_table_refuses_more_than_ten_inputs_before_training(capsys, tmp_path):
    path = write_csv(tmp_path, ",".join(["1"] * 12) + "\n")
    status, out, err = run_cli(capsys, "train", "--data", path, "--table")
    assert (status, out) == (2, "")
    assert err == ("pureneuron.py: error: --table lists every 0/1 combination of the inputs, "
                   "for up to 10 inputs (1024 rows); this network has 11\n")


def test_ctrl_c_stops_with_one_line_and_status_130():
    here = os.path.dirname(os.path.abspath(pureneuron.__file__))
    child = subprocess.Popen([sys.executable, "-u", "pureneuron.py", "train",
                              "--iterations", "100000000"], cwd=here,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True)
    assert child.stdout.readline().startswith("Data: trask")
    assert child.stdout.readline().startswith("Training layers 3,4,1")
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err == "pureneuron.py: interrupted\n"


def test_update_is_the_negative_gradient_of_half_the_squared_error():
    """One iteration moves each weight by -d/dw of 0.5 * sum((y - out)**2), checked numerically."""
    X = [[0, 1], [1, 1], [1, 0]]
    y = [[1], [0], [0.5]]
    result = pureneuron.train_network(X, y, [2, 3, 1], iterations=1, seed=3, bias=True)
    start = result["starting_weights"]

    def loss(weights):
        # independent forward pass: plain loops and math.exp, bias input last
        total = 0.0
        for example, target in zip(X, y):
            values = list(example)
            for w in weights:
                values = values + [1.0]
                values = [1 / (1 + math.exp(-math.fsum(v * w[i][j] for i, v in enumerate(values))))
                          for j in range(len(w[0]))]
            total += 0.5 * (target[0] - values[0]) ** 2
        return total

    h = 1e-6
    for k, w in enumerate(start):
        for i in range(len(w)):
            for j in range(len(w[0])):
                plus = [[row[:] for row in m] for m in start]
                minus = [[row[:] for row in m] for m in start]
                plus[k][i][j] += h
                minus[k][i][j] -= h
                gradient = (loss(plus) - loss(minus)) / (2 * h)
                update = result["weights"][k][i][j] - w[i][j]
                assert update == pytest.approx(-gradient, abs=1e-8)


def test_short_run_matches_numpy():
    np = pytest.importorskip("numpy")
    X = np.array(pureneuron.TRASK_INPUTS, dtype=float)
    y = np.array(pureneuron.TRASK_3LAYER_OUTPUTS, dtype=float)
    for bias, alpha in [(False, 1.0), (True, 0.5)]:
        np.random.seed(7)
        extra = 1 if bias else 0
        syn0 = 2 * np.random.random((3 + extra, 4)) - 1
        syn1 = 2 * np.random.random((4 + extra, 1)) - 1

        def with_bias(m):
            return np.hstack([m, np.ones((len(m), 1))]) if bias else m

        errors = []
        for _ in range(200):
            l1 = 1 / (1 + np.exp(-with_bias(X).dot(syn0)))
            l2 = 1 / (1 + np.exp(-with_bias(l1).dot(syn1)))
            l2_error = y - l2
            errors.append(np.mean(np.abs(l2_error)))
            l2_delta = l2_error * l2 * (1 - l2)
            l1_delta = l2_delta.dot(syn1[:4].T) * l1 * (1 - l1)
            syn1 = syn1 + alpha * with_bias(l1).T.dot(l2_delta)
            syn0 = syn0 + alpha * with_bias(X).T.dot(l1_delta)
        result = pureneuron.train_network(pureneuron.TRASK_INPUTS,
                                          pureneuron.TRASK_3LAYER_OUTPUTS, [3, 4, 1],
                                          iterations=200, alpha=alpha, seed=7, bias=bias)
        assert np.allclose(result["weights"][0], syn0, rtol=1e-9, atol=1e-12)
        assert np.allclose(result["weights"][1], syn1, rtol=1e-9, atol=1e-12)
        assert np.allclose(result["errors"], errors, rtol=1e-9, atol=1e-12)


def test_sigmoid_picture(capsys):
    status, out, err = run_cli(capsys, "sigmoid")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines == pureneuron.sigmoid_picture()
    assert all(len(line) <= 80 for line in lines)
    assert all(set(line) <= set(string.printable) - set("\t\r\x0b\x0c") for line in lines)
    grid = lines[2:23]  # 21 rows, y = 1.00 at the top
    assert [line[:4] for line in grid[::5]] == ["1.00", "0.75", "0.50", "0.25", "0.00"]
    assert all(line[5] == "|" for line in grid)
    axis, ticks = lines[23], lines[24]
    assert axis.endswith("  x") and axis.count("+") == 13  # the corner and x = -5..6
    assert ticks.split() == [str(x) for x in range(-6, 7)]
    # one curve point a column, never falling as x grows
    heights = []
    for c in range(61):
        marks = [20 - r for r, line in enumerate(grid) if len(line) > 6 + c
                 and line[6 + c] in "*=O"]
        assert len(marks) == 1
        heights.append(marks[0])
    assert heights == sorted(heights) and heights[0] == 0 and heights[-1] == 20
    # the steepest point is at x = 0 (under the tick "0"), y = 0.5
    assert "".join(grid).count("O") == 1
    row = next(r for r, line in enumerate(grid) if "O" in line)
    assert grid[row].startswith("0.50") and grid[row].index("O") == ticks.index("0")
    # flat marks exactly where |x| >= 4
    flat = [c for c in range(61) if any(len(l) > 6 + c and l[6 + c] == "=" for l in grid)]
    assert flat == list(range(0, 11)) + list(range(50, 61))
    assert "slope 0.25" in out and "|x| >= 4: slope below 0.02" in out


def test_plot_survives_an_error_that_is_not_a_number():
    lines = pureneuron.error_plot([0.5, float("nan"), 0.4], width=3, height=3)
    assert lines[1] == "      0.5 |*" and lines[3] == "      0.4 |  *"
    assert pureneuron.error_plot([float("nan")]) == [
        "The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]
