"""The yardstick for the whole-process benchmark: one route on a network file with a C library (python-igraph)
or with networkx, timed from reading the file to the answer.

Usage: python3 bench/grid_route.py igraph|networkx FILE FROM TO

Reads the network JSON, builds a directed graph with two arcs per edge weighted as the corridors route search
weighs them for the objective "days" (transit days plus the dwell at the node entered), finds the shortest
path and prints one line: the engine, milliseconds for load + build + route, the path's days and its hops.
"""

import json
import sys
import time


def arcs(network):
    """Node ids, and the arcs (tail index, head index, weight) of the network's edges, both directions."""
    ids = [node["id"] for node in network["nodes"]]
    index = {node_id: i for i, node_id in enumerate(ids)}
    dwell = [(node.get("dwellDays") or {}).get("typical", 0) for node in network["nodes"]]
    tails, heads, weights = [], [], []
    for edge in network["edges"]:
        u, v = index[edge["from"]], index[edge["to"]]
        days = edge["transitDays"]["typical"]
        tails += (u, v)
        heads += (v, u)
        weights += (days + dwell[v], days + dwell[u])
    return ids, index, tails, heads, weights


def route_igraph(network, source, target):
    import igraph

    ids, index, tails, heads, weights = arcs(network)
    graph = igraph.Graph(n=len(ids), edges=list(zip(tails, heads)), directed=True)
    graph.es["w"] = weights
    path = graph.get_shortest_paths(index[source], to=index[target], weights="w", output="epath")[0]
    return sum(weights[a] for a in path), len(path)


def route_networkx(network, source, target):
    import networkx

    ids, index, tails, heads, weights = arcs(network)
    graph = networkx.DiGraph()
    graph.add_nodes_from(range(len(ids)))
    # A parallel pair keeps its lighter arc, as the route search would choose it.
    for u, v, w in zip(tails, heads, weights):
        if not graph.has_edge(u, v) or graph[u][v]["w"] > w:
            graph.add_edge(u, v, w=w)
    path = networkx.dijkstra_path(graph, index[source], index[target], weight="w")
    return sum(graph[a][b]["w"] for a, b in zip(path, path[1:])), len(path) - 1


def main():
    engine, file, source, target = sys.argv[1:5]
    started = time.perf_counter()
    import_started = time.perf_counter()
    __import__("igraph" if engine == "igraph" else "networkx")
    import_ms = (time.perf_counter() - import_started) * 1000
    with open(file, encoding="utf-8") as f:
        network = json.load(f)
    days, hops = (route_igraph if engine == "igraph" else route_networkx)(network, source, target)
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(f"{engine} ms {elapsed_ms:.1f} import_ms {import_ms:.1f} days {days:.6f} hops {hops}")


if __name__ == "__main__":
    main()
