# Extracts from peacesciencer's data/ the rows the bundled record uses: the militarized interstate disputes
# (Gibler-Miller-Little 2.2.1) and ATOP alliance dyad-years of each interferer-target pair, and the Archigos
# leaders and UCDP armed conflicts of each target state since 1945.
# Usage: Rscript scripts/reference/extract.R PEACESCIENCER_DATA_DIR PAIRS.csv OUT_DIR
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: extract.R PEACESCIENCER_DATA_DIR PAIRS.csv OUT_DIR")
ps <- args[1]; pairs <- read.csv(args[2]); out <- args[3]
get_rda <- function(name) { e <- new.env(); load(file.path(ps, paste0(name, ".rda")), envir = e); as.data.frame(get(name, e)) }
key <- function(a, b) paste(pmin(a, b), pmax(a, b))
wanted <- unique(key(pairs$interferer, pairs$target))
targets <- sort(unique(pairs$target))
write <- function(x, file) write.csv(x, file.path(out, file), row.names = FALSE, na = "")

# Disputes: one row per dispute-year of a pair, taken from the directed data in the order ccode1 < ccode2.
mid <- get_rda("gml_dirdisp")
mid <- mid[mid$ccode1 < mid$ccode2 & key(mid$ccode1, mid$ccode2) %in% wanted,
           c("dispnum", "ccode1", "ccode2", "year", "midonset", "hiact", "hostlev", "fatality", "stmon", "endmon")]
write(mid[order(mid$ccode1, mid$ccode2, mid$year, mid$dispnum), ], "gml-mid-2.2.1-pairs.csv")

# Alliances: the ATOP obligations between the two states, by year.
atop <- get_rda("atop_alliance")
atop <- atop[atop$ccode1 < atop$ccode2 & key(atop$ccode1, atop$ccode2) %in% wanted, ]
write(atop[order(atop$ccode1, atop$ccode2, atop$year), ], "atop-5.1-pairs.csv")

# Leaders of the target states (Gleditsch-Ward codes, which equal COW codes for these states but a few).
arch <- get_rda("archigos")
arch <- arch[arch$gwcode %in% targets & as.Date(arch$enddate) >= as.Date("1945-01-01"),
             c("obsid", "gwcode", "leader", "startdate", "enddate", "entry", "exit", "exitcode")]
write(arch[order(arch$gwcode, arch$startdate), ], "archigos-4.1-targets.csv")

# Armed conflicts in which a target state's government is a party.
ucdp <- get_rda("ucdp_acd")
party <- function(col) sapply(strsplit(as.character(ucdp[[col]]), ", *"), function(v) any(as.numeric(v) %in% targets))
ucdp <- ucdp[party("gwno_a") | (!is.na(ucdp$gwno_b) & party("gwno_b")),
             c("conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "incompatibility", "intensity_level", "type_of_conflict", "start_date")]
write(ucdp[order(ucdp$conflict_id, ucdp$year), ], "ucdp-acd-25.1-targets.csv")
