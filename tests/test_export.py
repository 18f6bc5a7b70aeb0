"""The actor network export (NetworkX, GraphML) on the fixture tests/data/query_graph.trig."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset

from kg.errors import OutputError
from kg.export import EXPORTERS, graphml_safe, to_networkx, write_graphml

FIXTURE = Path(__file__).parent / "data" / "query_graph.trig"
ACTOR = "https://w3id.org/newskg/id/actor/"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
LEGAL_TYPES = {"boolean", "int", "long", "float", "double", "string"}

NODES = {
    "claudia-sheinbaum": ("Claudia Sheinbaum", "Person", 3),
    "donald-trump": ("Donald Trump", "Person", 3),
    "mexico": ("Mexico", "Country", 4),
    "sinaloa-cartel": ("Sinaloa Cartel", "CriminalOrganization", 1),
    "tren-de-aragua": ("Tren de Aragua", "CriminalOrganization", 4),
    "us-state-department": ("US State Department", "GovernmentBody", 1),
    "united-states": ("United States", "Country", 4),
}
EDGES = {
    ("claudia-sheinbaum", "mexico", "mentions"): 1,
    ("claudia-sheinbaum", "united-states", "mentions"): 1,
    ("donald-trump", "mexico", "mentions"): 1,
    ("united-states", "tren-de-aragua", "strike"): 2,  # two strikes, one edge
    ("us-state-department", "tren-de-aragua", "designates:foreign_terrorist_organization"): 1,
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture(scope="module")
def graphml_file(dataset, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "actors.graphml"
    write_graphml(dataset, path)
    return path


def node_table(network) -> dict:
    return {n.removeprefix(ACTOR): (d["label"], d["type"], d["mentions"]) for n, d in network.nodes(data=True)}


def edge_table(network) -> dict:
    return {
        (u.removeprefix(ACTOR), v.removeprefix(ACTOR), data["kind"]): data["weight"]
        for u, v, data in network.edges(data=True)
    }


def test_to_networkx_nodes_and_edges(dataset):
    network = to_networkx(dataset)
    assert isinstance(network, nx.MultiDiGraph)
    assert node_table(network) == NODES
    assert edge_table(network) == EDGES
    assert network.has_edge(ACTOR + "united-states", ACTOR + "tren-de-aragua", key="strike")


def test_graphml_round_trip(graphml_file):
    network = nx.read_graphml(graphml_file, force_multigraph=True)
    assert network.is_directed()
    assert node_table(network) == NODES
    assert edge_table(network) == EDGES
    labels = {data["kind"]: data["label"] for _, _, data in network.edges(data=True)}
    assert labels["designates:foreign_terrorist_organization"] == "designates foreign terrorist organization"
    assert all(isinstance(d["weight"], int) for _, _, d in network.edges(data=True))


def test_graphml_declares_only_legal_types(graphml_file):
    keys = ET.parse(graphml_file).getroot().findall(f"{GRAPHML_NS}key")
    types = {key.get("attr.name"): key.get("attr.type") for key in keys}
    assert set(types.values()) <= LEGAL_TYPES
    assert types["mentions"] in {"int", "long"} and types["weight"] in {"int", "long"}
    assert types["label"] == "string"


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ({"a": None, "b": 1}, {"b": 1}),
        ({"a": 1.5, "b": True, "c": "x"}, {"a": 1.5, "b": True, "c": "x"}),
        ({"a": ("x", "y"), "b": Path("p")}, {"a": "('x', 'y')", "b": "p"}),
    ],
)
def test_graphml_safe(attributes, expected):
    assert graphml_safe(attributes) == expected


def test_write_networkx_graph_drops_none_and_stringifies(tmp_path):
    network = nx.MultiDiGraph()
    network.add_node("a", label="A", note=None, tags=["x"])
    network.add_edge("a", "b", key="k", weight=2, extra=None)
    path = tmp_path / "n.graphml"
    written = write_graphml(network, path)
    assert written is network
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.nodes["a"] == {"label": "A", "tags": "['x']"}
    assert list(back.edges(data=True)) == [("a", "b", {"weight": 2})]


def test_write_is_atomic_and_replaces(dataset, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text("old", encoding="utf-8")
    write_graphml(dataset, path)
    assert nx.read_graphml(path).number_of_nodes() == len(NODES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]  # no temp file left


def test_failed_write_leaves_nothing(tmp_path):
    network = nx.MultiDiGraph()
    network.add_node("a", bad=complex(1, 2))  # stringified, so this one works
    write_graphml(network, tmp_path / "ok.graphml")
    with pytest.raises(OutputError, match="does not exist"):
        write_graphml(network, tmp_path / "missing" / "g.graphml")
    target = tmp_path / "dir.graphml"
    target.mkdir()  # os.replace onto a folder fails
    with pytest.raises(OutputError, match="dir.graphml"):
        write_graphml(network, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.graphml", "ok.graphml"]


def test_exporter_registry():
    assert EXPORTERS == {"graphml": write_graphml}
