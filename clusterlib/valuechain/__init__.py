"""Value-chain mapping (methodology step 3, notebook ``03_value_chain_mapping``).

The firm network of a cluster from interviews — who buys from, sells to and cooperates with whom —
its structure (density, components, centrality, k-cores, structural holes, core and periphery,
brokers), the value chain by stage with its local-sourcing holes, and the sector's input-output
linkages, national and regionalised for the province, with hypothetical extraction.

Modules: ``inputs`` (relations as edge list or adjacency matrix, the IO table, checks and notes),
``network`` (the graph and its measures), ``coreperiphery`` (Borgatti & Everett 1999),
``brokerage`` (Gould & Fernandez 1989), ``inputoutput`` (Leontief, Ghosh, key sectors,
extraction, FLQ), ``stages`` (stage flows and holes), ``findings`` (sentences), ``charts``
(figures) and ``analysis`` (the whole step for one province).
"""

from clusterlib.valuechain.analysis import (
    ValueChainFindings,
    ValueChainMapping,
    analyse_value_chain_mapping,
)
from clusterlib.valuechain.brokerage import ROLES, brokerage_roles
from clusterlib.valuechain.coreperiphery import CorePeriphery, core_periphery, core_periphery_fit
from clusterlib.valuechain.inputoutput import (
    hypothetical_extraction,
    io_linkages,
    leontief_inverse,
    technical_coefficients,
)
from clusterlib.valuechain.inputs import (
    RELATION_TYPES,
    Note,
    check_relations,
    io_matrices,
    load_relations,
    read_adjacency,
    relations_from_matrix,
)
from clusterlib.valuechain.network import (
    NetworkSummary,
    firm_network,
    network_measures,
    network_summary,
    sole_partners,
)
from clusterlib.valuechain.regionalisation import LQ_METHODS, location_quotients, regionalize
from clusterlib.valuechain.stages import STAGES, linking_firms, sourcing, stage_flows

__all__ = [
    "LQ_METHODS",
    "RELATION_TYPES",
    "ROLES",
    "STAGES",
    "CorePeriphery",
    "NetworkSummary",
    "Note",
    "ValueChainFindings",
    "ValueChainMapping",
    "analyse_value_chain_mapping",
    "brokerage_roles",
    "check_relations",
    "core_periphery",
    "core_periphery_fit",
    "firm_network",
    "hypothetical_extraction",
    "io_linkages",
    "io_matrices",
    "leontief_inverse",
    "linking_firms",
    "load_relations",
    "location_quotients",
    "network_measures",
    "network_summary",
    "read_adjacency",
    "regionalize",
    "relations_from_matrix",
    "sole_partners",
    "sourcing",
    "stage_flows",
    "technical_coefficients",
]
