"""Links across documents: text reuse (`reuse`), quote clusters (`quotes`, with sentence
embeddings from `embed`), event clusters (`events`), and the order outlets carried each cluster
in (`propagation`). `Linker` applies them to the store one document at a time."""

from dyad.links.linker import Linker
from dyad.links.propagation import ClusterView, listing

__all__ = ["ClusterView", "Linker", "listing"]
