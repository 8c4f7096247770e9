"""Tests for pureneuron.py."""


# --- follow-up posts and trace (issue 5) ---

import re

import pytest

import pureneuron

# Milo's follow-up post, as printed there (the lines ending ": " keep their space).
FOLLOW_MULTI_LAYER_POST = """\
Stage 1) Random starting synaptic weights: 
    Layer 1 (4 neurons, each with 3 inputs): 
[[-0.16595599  0.44064899 -0.99977125 -0.39533485]
 [-0.70648822 -0.81532281 -0.62747958 -0.30887855]
 [-0.20646505  0.07763347 -0.16161097  0.370439  ]]
    Layer 2 (1 neuron, with 4 inputs):
[[-0.5910955 ]
 [ 0.75623487]
 [-0.94522481]
 [ 0.34093502]]
Stage 2) New synaptic weights after training: 
    Layer 1 (4 neurons, each with 3 inputs): 
[[ 0.3122465   4.57704063 -6.15329916 -8.75834924]
 [ 0.19676933 -8.74975548 -6.1638187   4.40720501]
 [-0.03327074 -0.58272995  0.08319184 -0.39787635]]
    Layer 2 (1 neuron, with 4 inputs):
[[ -8.18850925]
 [ 10.13210706]
 [-21.33532796]
 [  9.90935111]]
Stage 3) Considering a new situation [1, 1, 0] -> ?: 
[ 0.0078876]
"""

# Trask's Part 2, third program, alpha 10: the largest alpha today's numpy
# still reproduces with 4 hidden neurons (as post_trask_p2_direction_output.txt).
FOLLOW_DIRECTIONS_ALPHA_10_POST = """
Training With Alpha:10
Error:0.496410031903
Error:0.00312938876301
Error:0.00214459557985
Error:0.00172397549956
Error:0.00147821451229
Error:0.00131274062834
Synapse 0
[[ 4.52597806  5.77663165 -7.34266481 -5.29379829]
 [ 1.66715206 -7.16447274 -7.99779235 -1.81881849]
 [-4.27032921 -3.35838279  3.44594007  4.88852208]]
Synapse 0 Update Direction Changes
[[  7.  19.   2.   6.]
 [  7.   2.   0.  22.]
 [ 19.  26.   9.  17.]]
Synapse 1
[[ -8.58485788]
 [ 10.1786297 ]
 [-14.87601886]
 [  7.57026121]]
Synapse 1 Update Direction Changes
[[ 22.]
 [ 15.]
 [  4.]
 [ 15.]]
"""

# The first error of each of the post's sweeps (every alpha starts from seed 1).
FOLLOW_FIRST_ERROR = {4: "0.496410031903", 32: "0.496439922501"}
FOLLOW_POST_ALPHAS = ["0.001", "0.01", "0.1", "1", "10", "100", "1000"]


def follow_main(capsys, *argv):
    """pureneuron.main(argv): (exit status, stdout, stderr)."""
    status = pureneuron.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_follow_multi_layer_prints_the_post_exactly(capsys):
    assert FOLLOW_MULTI_LAYER_POST.count(": \n") == 5  # the trailing spaces survived editing
    assert follow_main(capsys, "multi-layer") == (0, FOLLOW_MULTI_LAYER_POST, "")


def test_follow_gradient_descent_alpha_10_prints_the_post_exactly(capsys):
    assert follow_main(capsys, "gradient-descent", "--directions", "--alpha", "10") == (
        0, FOLLOW_DIRECTIONS_ALPHA_10_POST, "")


@pytest.mark.parametrize("hidden", [4, 32])
def test_follow_gradient_descent_sweeps_the_posts_alphas_in_its_layout(capsys, hidden):
    status, out, err = follow_main(capsys, "gradient-descent", "--hidden", str(hidden),
                                   "--iterations", "1")
    expected = "".join("\nTraining With Alpha:%s\nError after 0 iterations:%s\n"
                       % (alpha, FOLLOW_FIRST_ERROR[hidden]) for alpha in FOLLOW_POST_ALPHAS)
    assert (status, out, err) == (0, expected, "")


def test_follow_gradient_descent_alpha_1000_sits_at_one_half(capsys):
    status, out, err = follow_main(capsys, "gradient-descent", "--alpha", "1000",
                                   "--iterations", "10001")
    assert (status, out, err) == (0, "\nTraining With Alpha:1000\n"
                                     "Error after 0 iterations:0.496410031903\n"
                                     "Error after 10000 iterations:0.5\n", "")


@pytest.mark.parametrize("text, printed", [("1", "1"), ("0.5", "0.5"), ("1e3", "1000.0"),
                                           ("1.0", "1.0"), ("0.001", "0.001")])
def test_follow_alpha_prints_as_python_prints_what_was_given(capsys, text, printed):
    status, out, err = follow_main(capsys, "gradient-descent", "--alpha", text,
                                   "--iterations", "0")
    assert (status, out, err) == (0, "\nTraining With Alpha:%s\n" % printed, "")


def test_follow_short_runs_still_print_iteration_0(capsys):
    status, out, err = follow_main(capsys, "gradient-descent", "--alpha", "1", "--alpha", "2",
                                   "--iterations", "5")
    assert (status, err) == (0, "")
    assert out == ("\nTraining With Alpha:1\nError after 0 iterations:0.496410031903\n"
                   "\nTraining With Alpha:2\nError after 0 iterations:0.496410031903\n")


def follow_numpy_gradient_descent(np, alphas, hidden, seed, iterations, finals=None):
    """What Trask's Part 2 third program prints (numpy 1.13 style), any seed and length.

    Appends each alpha's synapses and direction counts to `finals` if given.
    """
    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    def legacy(a):
        with np.printoptions(legacy="1.13"):
            return str(a)

    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
    lines = []
    for alpha in alphas:
        lines += ["", "Training With Alpha:" + str(alpha)]
        np.random.seed(seed)
        synapse_0 = 2 * np.random.random((3, hidden)) - 1
        synapse_1 = 2 * np.random.random((hidden, 1)) - 1
        previous_0, previous_1 = np.zeros_like(synapse_0), np.zeros_like(synapse_1)
        changes_0, changes_1 = np.zeros_like(synapse_0), np.zeros_like(synapse_1)
        with np.errstate(over="ignore"):
            for j in range(iterations):
                layer_1 = sigmoid(np.dot(X, synapse_0))
                layer_2 = sigmoid(np.dot(layer_1, synapse_1))
                layer_2_error = layer_2 - y
                if j % 10000 == 0:
                    lines.append("Error:" + pureneuron.format_error(
                        float(np.mean(np.abs(layer_2_error)))))
                layer_2_delta = layer_2_error * (layer_2 * (1 - layer_2))
                layer_1_delta = layer_2_delta.dot(synapse_1.T) * (layer_1 * (1 - layer_1))
                update_1 = layer_1.T.dot(layer_2_delta)
                update_0 = X.T.dot(layer_1_delta)
                if j > 0:
                    changes_0 += np.abs((update_0 > 0) + 0 - ((previous_0 > 0) + 0))
                    changes_1 += np.abs((update_1 > 0) + 0 - ((previous_1 > 0) + 0))
                synapse_1 -= alpha * update_1
                synapse_0 -= alpha * update_0
                previous_0, previous_1 = update_0, update_1
        if finals is not None:
            finals.append((synapse_0, changes_0, synapse_1, changes_1))
        for number, synapse, changes in (("0", synapse_0, changes_0), ("1", synapse_1, changes_1)):
            lines += ["Synapse " + number, legacy(synapse),
                      "Synapse %s Update Direction Changes" % number, legacy(changes)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed, iterations, hidden", [(1, 300, 4), (0, 150, 5), (7, 80, 3)])
def test_follow_gradient_descent_and_its_direction_counts_agree_with_numpy(
        capsys, seed, iterations, hidden):
    np = pytest.importorskip("numpy")
    alphas = ["0.5", "10", "1000"]
    argv = ["gradient-descent", "--directions", "--seed", str(seed), "--iterations",
            str(iterations), "--hidden", str(hidden)]
    for alpha in alphas:
        argv += ["--alpha", alpha]
    status, out, err = follow_main(capsys, *argv)
    expected = follow_numpy_gradient_descent(np, [0.5, 10, 1000], hidden, seed, iterations)
    assert (status, out, err) == (0, expected, "")
    assert "Update Direction Changes\n[[ 0." in out or "Changes\n[[  " in out


def test_follow_gradient_descent_with_32_hidden_agrees_with_numpy():
    np = pytest.importorskip("numpy")
    finals = []
    text = follow_numpy_gradient_descent(np, [1, 10], 32, 3, 40, finals)
    for alpha, (synapse_0, changes_0, synapse_1, changes_1) in zip([1, 10], finals):
        result = pureneuron.gradient_descent(alpha, seed=3, iterations=40, hidden_size=32,
                                             directions=True)
        assert "Error:%s\n" % pureneuron.format_error(result["errors"][0][1]) in text
        assert result["syn0_direction_count"] == changes_0.tolist()
        assert result["syn1_direction_count"] == changes_1.tolist()
        # numpy's dot may fuse a multiply and an add, so the last bits may differ
        assert np.allclose(result["syn0"], synapse_0, rtol=1e-12, atol=0)
        assert np.allclose(result["syn1"], synapse_1, rtol=1e-12, atol=0)


def follow_numpy_multi_layer(np, seed, iterations):
    """What Milo's multi-layered network prints (numpy 1.13 style), any seed and length."""
    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    def legacy(a):
        with np.printoptions(legacy="1.13"):
            return str(a)

    np.random.seed(seed)
    weights_1 = 2 * np.random.random((3, 4)) - 1
    weights_2 = 2 * np.random.random((4, 1)) - 1
    X = np.array(pureneuron.MULTILAYER_INPUTS)
    y = np.array(pureneuron.MULTILAYER_OUTPUTS)

    def weights():
        return ["    Layer 1 (4 neurons, each with 3 inputs): ", legacy(weights_1),
                "    Layer 2 (1 neuron, with 4 inputs):", legacy(weights_2)]
    lines = ["Stage 1) Random starting synaptic weights: "] + weights()
    for _ in range(iterations):
        output_1 = sigmoid(np.dot(X, weights_1))
        output_2 = sigmoid(np.dot(output_1, weights_2))
        delta_2 = (y - output_2) * (output_2 * (1 - output_2))
        delta_1 = delta_2.dot(weights_2.T) * (output_1 * (1 - output_1))
        adjustment_1, adjustment_2 = X.T.dot(delta_1), output_1.T.dot(delta_2)
        weights_1 += adjustment_1
        weights_2 += adjustment_2
    lines += ["Stage 2) New synaptic weights after training: "] + weights()
    hidden = sigmoid(np.dot(np.array([1, 1, 0]), weights_1))
    lines += ["Stage 3) Considering a new situation [1, 1, 0] -> ?: ",
              legacy(sigmoid(np.dot(hidden, weights_2)))]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed, iterations", [(0, 1), (3, 250), (2**32 - 1, 1200)])
def test_follow_multi_layer_agrees_with_numpy_for_other_seeds(capsys, seed, iterations):
    np = pytest.importorskip("numpy")
    status, out, err = follow_main(capsys, "multi-layer", "--seed", str(seed),
                                   "--iterations", str(iterations))
    assert (status, out, err) == (0, follow_numpy_multi_layer(np, seed, iterations), "")


def test_follow_multi_layer_starts_from_the_weights_drawn_in_order():
    result = pureneuron.multi_layer(iterations=0)
    rng = pureneuron.numpy_random(1)
    assert result["starting_weights"] == (pureneuron.random_weights(rng, 3, 4),
                                          pureneuron.random_weights(rng, 4, 1))
    assert result["synaptic_weights"] == result["starting_weights"]


def test_follow_direction_counts_count_each_turn_of_each_weight():
    assert pureneuron.turned([[1.0, -1.0], [0.0, 2.0]], [[-1.0, 1.0], [0.0, 3.0]]) == [
        [1.0, 1.0], [0.0, 0.0]]
    one = pureneuron.gradient_descent(10, iterations=1, directions=True)
    assert one["syn0_direction_count"] == [[0.0] * 4] * 3  # nothing to turn from yet
    assert "syn0_direction_count" not in pureneuron.gradient_descent(10, iterations=1)


def test_follow_no_arguments_runs_multi_layer_but_not_gradient_descent(capsys, monkeypatch):
    ran = []
    for program in pureneuron.PROGRAMS:
        monkeypatch.setattr(program, "run", lambda seed, iterations, trace, name=program.name:
                            ran.append(name) or name)
        monkeypatch.setattr(program, "show", lambda result: print("shown", result))
    status, out, err = follow_main(capsys)
    assert (status, err) == (0, "")
    assert "multi-layer" in ran and "gradient-descent" not in ran
    assert ran == [p.name for p in pureneuron.PROGRAMS if p.in_default_run]


# --- --trace ---

FOLLOW_TRACE_RUNS = {
    "nine-lines": ([], ["output", "synaptic_weights"]),
    "neuron": ([], ["output", "error", "adjustment", "synaptic_weights"]),
    "two-layer": ([], ["l0", "l1", "l1_error", "l1_delta", "syn0"]),
    "three-layer": ([], ["l0", "l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta",
                         "syn1", "syn0"]),
    "eleven-lines": ([], ["l1", "l2", "l2_delta", "l1_delta", "syn1", "syn0"]),
    "multi-layer": ([], ["output_from_layer_1", "output_from_layer_2", "layer2_error",
                         "layer2_delta", "layer1_error", "layer1_delta", "layer1_adjustment",
                         "layer2_adjustment", "layer1", "layer2"]),
    "gradient-descent": (["--alpha", "10"], ["alpha", "l0", "l1", "l2", "l2_error", "l2_delta",
                                             "l1_error", "l1_delta", "syn1_update",
                                             "syn0_update", "syn1", "syn0"]),
}


@pytest.mark.parametrize("name", sorted(FOLLOW_TRACE_RUNS))
def test_follow_trace_shows_first_and_last_iteration_under_the_posts_names(capsys, name):
    options, names = FOLLOW_TRACE_RUNS[name]
    argv = [name, "--iterations", "4"] + options
    status, plain, err = follow_main(capsys, *argv)
    assert (status, err) == (0, "")
    status, traced, err = follow_main(capsys, *(argv + ["--trace"]))
    assert (status, err) == (0, "")
    assert "--- iteration" not in plain
    # the trace comes first; the normal output follows, unchanged
    trace, normal = traced[:len(traced) - len(plain)], traced[len(traced) - len(plain):]
    assert normal == plain
    blocks = trace.split("--- iteration ")
    assert blocks[0] == "" and [b.split(" ---\n")[0] for b in blocks[1:]] == ["0", "3"]
    for block in blocks[1:]:
        notes = [line for line in block.splitlines()[1:] if re.match(r"[a-z_0-9]+: ", line)]
        assert notes == ["%s: %s" % (n, pureneuron.TRACE_NOTES[n]) for n in names]


@pytest.mark.parametrize("before, after", [(["--trace"], ["--seed", "2"]),
                                           (["--seed", "2", "--trace"], []),
                                           (["--seed", "2"], ["--trace"])])
def test_follow_options_before_the_program_name_count_too(capsys, before, after):
    expected = follow_main(capsys, "two-layer", "--iterations", "2", "--seed", "2", "--trace")
    assert "--- iteration 1 ---" in expected[1]
    assert follow_main(capsys, *(before + ["two-layer", "--iterations", "2"] + after)) == expected
    assert follow_main(capsys, "--seed", "2", "--iterations", "2", "nine-lines") == follow_main(
        capsys, "nine-lines", "--seed", "2", "--iterations", "2")


def test_follow_trace_of_one_iteration_shows_it_once(capsys):
    status, out, err = follow_main(capsys, "two-layer", "--iterations", "1", "--trace")
    assert (status, err) == (0, "")
    assert out.count("--- iteration") == 1 and out.startswith("--- iteration 0 ---\n")


def test_follow_trace_shows_the_values_the_program_computed(capsys):
    seen = []
    result = pureneuron.three_layer(iterations=3, trace=lambda j, **names: seen.append(names))
    assert len(seen) == 3 and seen[-1]["l2"] == result["l2"] and seen[-1]["syn0"] == result["syn0"]
    pureneuron.print_trace(2, {"l2": result["l2"], "alpha": 10})
    out = capsys.readouterr()[0]
    assert out == ("--- iteration 2 ---\nl2: %s\n%s\nalpha: %s\n10\n" % (
        pureneuron.TRACE_NOTES["l2"], pureneuron.format_matrix(result["l2"]),
        pureneuron.TRACE_NOTES["alpha"]))


def test_follow_every_trace_note_is_one_line():
    for name, note in pureneuron.TRACE_NOTES.items():
        assert note and "\n" not in note and len(name + ": " + note) <= 80, name


# --- bad input ---

@pytest.mark.parametrize("argv, message", [
    (["--alpha", "0"], "argument --alpha: the learning rate must be above 0 and finite, got '0'"),
    (["--alpha", "-0.5"], "the learning rate must be above 0 and finite, got '-0.5'"),
    (["--alpha", "fast"], "argument --alpha: expected a number, got 'fast'"),
    (["--alpha", "nan"], "the learning rate must be above 0 and finite, got 'nan'"),
    (["--alpha", "inf"], "the learning rate must be above 0 and finite, got 'inf'"),
    (["--alpha", "1", "--alpha", "0"], "got '0'"),
    (["--hidden", "0"], "argument --hidden: a layer needs at least 1 neuron, got '0'"),
    (["--hidden", "-3"], "a layer needs at least 1 neuron, got '-3'"),
    (["--hidden", "1.5"], "argument --hidden: expected a whole number, got '1.5'"),
    (["--iterations", "-1"], "gradient-descent needs --iterations of at least 0, got -1"),
])
def test_follow_bad_gradient_descent_settings_exit_2_with_one_line(capsys, argv, message):
    status, out, err = follow_main(capsys, "gradient-descent", *argv)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("pureneuron.py: error: ")
    assert message in err


@pytest.mark.parametrize("argv", [["multi-layer", "--alpha", "1"],
                                  ["three-layer", "--hidden", "2"],
                                  ["multi-layer", "--iterations", "-2"]])
def test_follow_options_belong_to_their_program(capsys, argv):
    status, out, err = follow_main(capsys, *argv)
    assert (status, out, err.count("\n")) == (2, "", 1)
