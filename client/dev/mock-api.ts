/**
 * A stand-in for the Express API (server/) while it is being written: same routes and
 * response shapes as the spec, over a small fixture graph. Dev only:
 *   MOCK_PORT=3003 npx tsx client/dev/mock-api.ts   (serves client/dist at / too)
 */
import path from 'node:path';
import express from 'express';
import { labelOfId } from '../../ontology/index.js';

type N = { id: string; name: string; description: string; synonyms?: string[]; refs?: number[]; [k: string]: unknown };
type E = {
  type: string;
  from: string;
  to: string;
  evidence: string;
  refs: number[];
  section?: string;
  [k: string]: unknown;
};

const nodes: N[] = [
  {
    id: 'drug:nivolumab',
    name: 'Nivolumab',
    description: 'Fully human IgG4 antibody that blocks PD-1.',
    synonyms: ['navulizumab', 'navolizumab', 'Opdivo'],
    refs: [45, 49],
    modality: 'monoclonal antibody',
    approval: 'FDA 2017 (second line, accelerated)',
  },
  {
    id: 'drug:pembrolizumab',
    name: 'Pembrolizumab',
    description: 'Humanised IgG4 antibody against PD-1.',
    synonyms: ['pabolizumab', 'Keytruda'],
    refs: [50],
  },
  {
    id: 'drug:atezolizumab',
    name: 'Atezolizumab',
    description: 'Humanised IgG1 antibody against PD-L1.',
    synonyms: ['atilizumab', 'Tecentriq'],
    refs: [60],
  },
  {
    id: 'drug:bevacizumab',
    name: 'Bevacizumab',
    description: 'Humanised antibody against VEGF-A.',
    synonyms: ['Avastin'],
    refs: [60],
  },
  {
    id: 'drug:ipilimumab',
    name: 'Ipilimumab',
    description: 'Fully human antibody against CTLA-4.',
    synonyms: ['yipilimumab'],
    refs: [52],
  },
  {
    id: 'drug:tremelimumab',
    name: 'Tremelimumab',
    description: 'Fully human IgG2 antibody against CTLA-4.',
    refs: [55],
  },
  {
    id: 'drug:durvalumab',
    name: 'Durvalumab',
    description: 'Human IgG1 antibody against PD-L1.',
    synonyms: ['duvalizumab'],
    refs: [55],
  },
  {
    id: 'drug:sorafenib',
    name: 'Sorafenib',
    description: 'Oral multikinase inhibitor; first approved systemic therapy for advanced HCC.',
    refs: [3, 4],
  },
  {
    id: 'drug:lenvatinib',
    name: 'Lenvatinib',
    description: 'Oral multikinase inhibitor of VEGFR1-3, FGFR1-4, PDGFRα, RET and KIT.',
    refs: [5],
  },
  {
    id: 'drug:camrelizumab',
    name: 'Camrelizumab',
    description: 'Humanised IgG4 antibody against PD-1.',
    synonyms: ['karelizumab'],
    refs: [58],
  },
  { id: 'drug:apatinib', name: 'Apatinib', description: 'Oral TKI selective for VEGFR2.', refs: [58] },
  {
    id: 'class:pd-1-inhibitor',
    name: 'PD-1 inhibitor',
    description: 'Antibodies that block the PD-1 receptor.',
    refs: [40],
  },
  { id: 'class:pd-l1-inhibitor', name: 'PD-L1 inhibitor', description: 'Antibodies that block PD-L1.', refs: [40] },
  { id: 'class:ctla-4-inhibitor', name: 'CTLA-4 inhibitor', description: 'Antibodies that block CTLA-4.', refs: [41] },
  {
    id: 'class:tki',
    name: 'TKI',
    description: 'Small-molecule tyrosine kinase inhibitors.',
    synonyms: ['tyrosine kinase inhibitor'],
    refs: [3],
  },
  {
    id: 'class:ici',
    name: 'Immune checkpoint inhibitor',
    description: 'Drugs that release immune checkpoints.',
    synonyms: ['ICI'],
    refs: [40],
  },
  {
    id: 'target:pd-1',
    name: 'PD-1',
    description: 'Inhibitory receptor on activated T cells.',
    synonyms: ['PDCD1', 'CD279'],
    refs: [30],
    symbol: 'PDCD1',
    kind: 'receptor',
  },
  {
    id: 'target:pd-l1',
    name: 'PD-L1',
    description: 'Ligand of PD-1 expressed on tumour and myeloid cells.',
    synonyms: ['CD274', 'B7-H1'],
    refs: [30],
    symbol: 'CD274',
    kind: 'ligand',
  },
  {
    id: 'target:ctla-4',
    name: 'CTLA-4',
    description: 'Inhibitory receptor competing with CD28 for CD80/CD86.',
    synonyms: ['CD152'],
    refs: [31],
    symbol: 'CTLA4',
    kind: 'receptor',
  },
  {
    id: 'target:cd28',
    name: 'CD28',
    description: 'Co-stimulatory receptor on T cells.',
    refs: [31],
    symbol: 'CD28',
    kind: 'receptor',
  },
  {
    id: 'target:vegf',
    name: 'VEGF',
    description: 'Vascular endothelial growth factor.',
    refs: [60],
    symbol: 'VEGFA',
    kind: 'cytokine',
  },
  { id: 'target:vegfr', name: 'VEGFR', description: 'VEGF receptor family.', refs: [5], kind: 'family' },
  { id: 'target:jnk', name: 'JNK', description: 'c-Jun N-terminal kinase.', refs: [80], kind: 'kinase' },
  {
    id: 'target:cd133',
    name: 'CD133',
    description: 'Stem-cell surface marker.',
    synonyms: ['PROM1'],
    refs: [80],
    symbol: 'PROM1',
  },
  {
    id: 'target:egfr',
    name: 'EGFR',
    description: 'Epidermal growth factor receptor.',
    refs: [82],
    symbol: 'EGFR',
    kind: 'receptor',
  },
  {
    id: 'mechanism:t-cell-exhaustion',
    name: 'T-cell exhaustion',
    description: 'Progressive loss of T-cell function under chronic antigen exposure.',
    refs: [33],
    kind: 'immune',
  },
  {
    id: 'mechanism:pd-1-signalling',
    name: 'PD-1 inhibitory signalling',
    description: 'PD-1 engagement dampens TCR signalling.',
    refs: [30],
    kind: 'signalling',
  },
  {
    id: 'mechanism:angiogenesis',
    name: 'Angiogenesis',
    description: 'Formation of new blood vessels that feed the tumour.',
    refs: [60],
    kind: 'tumour',
  },
  {
    id: 'mechanism:liver-immune-tolerance',
    name: 'Liver immune tolerance',
    description: "The liver's default tolerogenic milieu.",
    refs: [20],
    kind: 'immune',
  },
  {
    id: 'mechanism:csc-expansion',
    name: 'Cancer-stem-cell expansion',
    description: 'Enrichment of CD133+ stem-like cells under sorafenib.',
    refs: [80],
    kind: 'resistance',
    resistance: true,
  },
  {
    id: 'mechanism:egfr-activation',
    name: 'EGFR feedback activation',
    description: 'EGFR activation bypasses lenvatinib inhibition.',
    refs: [82],
    kind: 'resistance',
    resistance: true,
  },
  {
    id: 'biomarker:pd-l1-expression',
    name: 'PD-L1 expression',
    description: 'Tumour PD-L1 by immunohistochemistry.',
    refs: [90],
    kind: 'molecular',
  },
  {
    id: 'biomarker:nlr',
    name: 'NLR',
    description: 'Neutrophil-to-lymphocyte ratio.',
    synonyms: ['neutrophil-to-lymphocyte ratio'],
    refs: [92],
    kind: 'serum',
  },
  { id: 'biomarker:afp', name: 'AFP', description: 'Serum alpha-fetoprotein.', refs: [93], kind: 'serum' },
  {
    id: 'trial:checkmate-040',
    name: 'CheckMate 040',
    description: 'Phase I/II dose-escalation and expansion study of nivolumab in advanced HCC.',
    refs: [45],
    nctId: 'NCT01658878',
    phase: 'I/II',
    design: 'single-arm',
    n: 262,
    year: 2017,
  },
  {
    id: 'trial:checkmate-459',
    name: 'CheckMate 459',
    description: 'Phase III RCT of nivolumab versus sorafenib first line.',
    refs: [49],
    nctId: 'NCT02576509',
    phase: 'III',
    design: 'RCT',
    n: 743,
    setting: 'first-line',
  },
  {
    id: 'trial:imbrave150',
    name: 'IMbrave150',
    description: 'Phase III RCT of atezolizumab plus bevacizumab versus sorafenib.',
    refs: [60],
    nctId: 'NCT03434379',
    phase: 'III',
    design: 'RCT',
    n: 501,
    setting: 'first-line',
  },
  {
    id: 'trial:keynote-224',
    name: 'KEYNOTE-224',
    description: 'Phase II single-arm trial of pembrolizumab after sorafenib.',
    refs: [50],
    nctId: 'NCT02702414',
    phase: 'II',
  },
  {
    id: 'trial:himalaya',
    name: 'HIMALAYA',
    description: 'Phase III RCT of tremelimumab plus durvalumab (STRIDE).',
    refs: [55],
    nctId: 'NCT03298451',
    phase: 'III',
  },
  {
    id: 'regimen:atezo-bev',
    name: 'Atezolizumab + bevacizumab',
    description: 'PD-L1 antibody with anti-VEGF antibody.',
    refs: [60],
  },
  { id: 'regimen:stride', name: 'STRIDE', description: 'Single tremelimumab regular interval durvalumab.', refs: [55] },
  { id: 'regimen:nivo-ipi', name: 'Nivolumab + ipilimumab', description: 'PD-1 plus CTLA-4 blockade.', refs: [52] },
  {
    id: 'outcome:checkmate-040-orr',
    name: 'ORR 20% (CheckMate 040 expansion)',
    description: 'Objective response rate in the expansion cohort.',
    refs: [45],
    metric: 'ORR',
    value: 20,
    unit: '%',
  },
  {
    id: 'outcome:imbrave150-os',
    name: 'OS 19.2 months (IMbrave150)',
    description: 'Median overall survival with atezolizumab + bevacizumab.',
    refs: [61],
    metric: 'OS',
    value: 19.2,
    unit: 'months',
  },
  {
    id: 'outcome:checkmate-459-os',
    name: 'OS 16.4 months (CheckMate 459)',
    description: 'Median OS with nivolumab.',
    refs: [49],
    metric: 'OS',
    value: 16.4,
    unit: 'months',
  },
  {
    id: 'disease:hcc',
    name: 'HCC',
    description: 'Hepatocellular carcinoma.',
    synonyms: ['hepatocellular carcinoma', 'liver cancer'],
    refs: [1],
  },
  { id: 'disease:melanoma', name: 'Melanoma', description: 'Cutaneous melanoma.', refs: [42] },
  {
    id: 'risk:hbv',
    name: 'HBV',
    description: 'Chronic hepatitis B virus infection.',
    synonyms: ['hepatitis B'],
    refs: [2],
  },
  { id: 'risk:hcv', name: 'HCV', description: 'Chronic hepatitis C virus infection.', refs: [2] },
  { id: 'cell:cd8-t-cell', name: 'CD8+ T cell', description: 'Cytotoxic T lymphocyte.', refs: [33] },
  { id: 'cell:treg', name: 'Treg', description: 'Regulatory T cell.', refs: [34] },
  { id: 'cell:kupffer-cell', name: 'Kupffer cell', description: 'Liver-resident macrophage.', refs: [20] },
  {
    id: 'ae:fatigue',
    name: 'Fatigue',
    description: 'Tiredness reported as a treatment-related adverse event.',
    refs: [45],
  },
  {
    id: 'ae:hypertension',
    name: 'Hypertension',
    description: 'Raised blood pressure, typical of anti-VEGF therapy.',
    refs: [60],
  },
  { id: 'guideline:nccn', name: 'NCCN', description: 'National Comprehensive Cancer Network guideline.', refs: [100] },
  {
    id: 'therapy:tace',
    name: 'TACE',
    description: 'Transarterial chemoembolisation.',
    refs: [110],
    kind: 'locoregional',
  },
];
const edges: E[] = [
  {
    type: 'IN_CLASS',
    from: 'drug:nivolumab',
    to: 'class:pd-1-inhibitor',
    refs: [45],
    evidence: 'Nivolumab is an anti-PD-1 antibody [45].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:pembrolizumab',
    to: 'class:pd-1-inhibitor',
    refs: [50],
    evidence: 'Pembrolizumab is an anti-PD-1 antibody [50].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:camrelizumab',
    to: 'class:pd-1-inhibitor',
    refs: [58],
    evidence: 'Camrelizumab blocks PD-1 [58].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:atezolizumab',
    to: 'class:pd-l1-inhibitor',
    refs: [60],
    evidence: 'Atezolizumab targets PD-L1 [60].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:durvalumab',
    to: 'class:pd-l1-inhibitor',
    refs: [55],
    evidence: 'Durvalumab targets PD-L1 [55].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:ipilimumab',
    to: 'class:ctla-4-inhibitor',
    refs: [52],
    evidence: 'Ipilimumab blocks CTLA-4 [52].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:tremelimumab',
    to: 'class:ctla-4-inhibitor',
    refs: [55],
    evidence: 'Tremelimumab blocks CTLA-4 [55].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:sorafenib',
    to: 'class:tki',
    refs: [3],
    evidence: 'Sorafenib is a multikinase TKI [3].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:lenvatinib',
    to: 'class:tki',
    refs: [5],
    evidence: 'Lenvatinib is a multikinase TKI [5].',
  },
  {
    type: 'IN_CLASS',
    from: 'drug:apatinib',
    to: 'class:tki',
    refs: [58],
    evidence: 'Apatinib is a VEGFR2-selective TKI [58].',
  },
  {
    type: 'SUBCLASS_OF',
    from: 'class:pd-1-inhibitor',
    to: 'class:ici',
    refs: [40],
    evidence: 'PD-1 inhibitors are immune checkpoint inhibitors [40].',
  },
  {
    type: 'SUBCLASS_OF',
    from: 'class:pd-l1-inhibitor',
    to: 'class:ici',
    refs: [40],
    evidence: 'PD-L1 inhibitors are immune checkpoint inhibitors [40].',
  },
  {
    type: 'SUBCLASS_OF',
    from: 'class:ctla-4-inhibitor',
    to: 'class:ici',
    refs: [41],
    evidence: 'CTLA-4 inhibitors are immune checkpoint inhibitors [41].',
  },
  {
    type: 'TARGETS',
    from: 'drug:nivolumab',
    to: 'target:pd-1',
    refs: [45],
    evidence: 'Nivolumab is a PD-1-blocking antibody [45].',
    action: 'blocker',
  },
  {
    type: 'TARGETS',
    from: 'drug:pembrolizumab',
    to: 'target:pd-1',
    refs: [50],
    evidence: 'Pembrolizumab binds PD-1 [50].',
    action: 'blocker',
  },
  {
    type: 'TARGETS',
    from: 'drug:atezolizumab',
    to: 'target:pd-l1',
    refs: [60],
    evidence: 'Atezolizumab binds PD-L1 [60].',
    action: 'blocker',
  },
  {
    type: 'TARGETS',
    from: 'drug:bevacizumab',
    to: 'target:vegf',
    refs: [60],
    evidence: 'Bevacizumab neutralises VEGF-A [60].',
    action: 'inhibitor',
  },
  {
    type: 'TARGETS',
    from: 'drug:ipilimumab',
    to: 'target:ctla-4',
    refs: [52],
    evidence: 'Ipilimumab binds CTLA-4 [52].',
    action: 'blocker',
  },
  {
    type: 'TARGETS',
    from: 'drug:tremelimumab',
    to: 'target:ctla-4',
    refs: [55],
    evidence: 'Tremelimumab binds CTLA-4 [55].',
    action: 'blocker',
  },
  {
    type: 'TARGETS',
    from: 'drug:durvalumab',
    to: 'target:pd-l1',
    refs: [55],
    evidence: 'Durvalumab binds PD-L1 [55].',
    action: 'blocker',
  },
  {
    type: 'TARGETS',
    from: 'drug:sorafenib',
    to: 'target:vegfr',
    refs: [3],
    evidence: 'Sorafenib inhibits VEGFR among other kinases [3].',
    action: 'inhibitor',
  },
  {
    type: 'TARGETS',
    from: 'drug:lenvatinib',
    to: 'target:vegfr',
    refs: [5],
    evidence: 'Lenvatinib inhibits VEGFR1-3 [5].',
    action: 'inhibitor',
  },
  {
    type: 'TARGETS',
    from: 'drug:apatinib',
    to: 'target:vegfr',
    refs: [58],
    evidence: 'Apatinib selectively inhibits VEGFR2 [58].',
    action: 'inhibitor',
  },
  {
    type: 'TARGETS',
    from: 'drug:camrelizumab',
    to: 'target:pd-1',
    refs: [58],
    evidence: 'Camrelizumab binds PD-1 [58].',
    action: 'blocker',
  },
  {
    type: 'BINDS',
    from: 'target:pd-l1',
    to: 'target:pd-1',
    refs: [30],
    evidence: 'PD-L1 engages PD-1 to deliver an inhibitory signal [30].',
    effect: 'inhibitory signal',
  },
  { type: 'BINDS', from: 'target:vegf', to: 'target:vegfr', refs: [60], evidence: 'VEGF signals through VEGFR [60].' },
  {
    type: 'EXPRESSED_ON',
    from: 'target:pd-1',
    to: 'cell:cd8-t-cell',
    refs: [30],
    evidence: 'PD-1 is expressed on activated CD8+ T cells [30].',
  },
  {
    type: 'EXPRESSED_ON',
    from: 'target:ctla-4',
    to: 'cell:treg',
    refs: [31],
    evidence: 'Tregs constitutively express CTLA-4 [31].',
  },
  {
    type: 'PARTICIPATES_IN',
    from: 'target:pd-1',
    to: 'mechanism:pd-1-signalling',
    refs: [30],
    evidence: 'PD-1 drives inhibitory signalling [30].',
  },
  {
    type: 'PROMOTES',
    from: 'mechanism:pd-1-signalling',
    to: 'mechanism:t-cell-exhaustion',
    refs: [33],
    evidence: 'Sustained PD-1 signalling promotes exhaustion [33].',
  },
  {
    type: 'PROMOTES',
    from: 'target:vegf',
    to: 'mechanism:angiogenesis',
    refs: [60],
    evidence: 'VEGF drives tumour angiogenesis [60].',
  },
  {
    type: 'PROMOTES',
    from: 'cell:kupffer-cell',
    to: 'mechanism:liver-immune-tolerance',
    refs: [20],
    evidence: 'Kupffer cells maintain hepatic tolerance [20].',
  },
  {
    type: 'SUPPRESSES',
    from: 'cell:treg',
    to: 'cell:cd8-t-cell',
    refs: [34],
    evidence: 'Tregs suppress effector CD8+ T cells [34].',
  },
  {
    type: 'PROMOTES',
    from: 'target:jnk',
    to: 'target:cd133',
    refs: [80],
    evidence: 'JNK signalling up-regulates CD133 [80].',
  },
  {
    type: 'PARTICIPATES_IN',
    from: 'target:cd133',
    to: 'mechanism:csc-expansion',
    refs: [80],
    evidence: 'CD133 marks the expanding stem-like population [80].',
  },
  {
    type: 'CONFERS_RESISTANCE_TO',
    from: 'mechanism:csc-expansion',
    to: 'drug:sorafenib',
    refs: [80],
    evidence: 'Stem-cell expansion underlies acquired sorafenib resistance [80].',
  },
  {
    type: 'PARTICIPATES_IN',
    from: 'target:egfr',
    to: 'mechanism:egfr-activation',
    refs: [82],
    evidence: 'EGFR is reactivated on lenvatinib [82].',
    alteration: 'overexpression',
  },
  {
    type: 'CONFERS_RESISTANCE_TO',
    from: 'mechanism:egfr-activation',
    to: 'drug:lenvatinib',
    refs: [82],
    evidence: 'EGFR feedback makes HCC cells refractory to lenvatinib [82].',
  },
  {
    type: 'CONFERS_RESISTANCE_TO',
    from: 'mechanism:egfr-activation',
    to: 'class:tki',
    refs: [82],
    evidence: 'EGFR activation limits TKI efficacy [82].',
  },
  {
    type: 'OVERCOMES',
    from: 'drug:nivolumab',
    to: 'mechanism:csc-expansion',
    refs: [81],
    evidence: 'PD-1 blockade was proposed to overcome sorafenib-resistant stem-like cells [81].',
  },
  {
    type: 'EVALUATES',
    from: 'trial:checkmate-040',
    to: 'drug:nivolumab',
    refs: [45],
    evidence: 'CheckMate 040 evaluated nivolumab monotherapy [45].',
  },
  {
    type: 'EVALUATES',
    from: 'trial:checkmate-459',
    to: 'drug:nivolumab',
    refs: [49],
    evidence: 'CheckMate 459 compared nivolumab with sorafenib [49].',
    arm: 'experimental',
  },
  {
    type: 'EVALUATES',
    from: 'trial:checkmate-459',
    to: 'drug:sorafenib',
    refs: [49],
    evidence: 'Sorafenib was the control arm in CheckMate 459 [49].',
    arm: 'control',
  },
  {
    type: 'EVALUATES',
    from: 'trial:imbrave150',
    to: 'regimen:atezo-bev',
    refs: [60],
    evidence: 'IMbrave150 tested atezolizumab + bevacizumab [60].',
    arm: 'experimental',
  },
  {
    type: 'EVALUATES',
    from: 'trial:imbrave150',
    to: 'drug:sorafenib',
    refs: [60],
    evidence: 'Sorafenib was the comparator in IMbrave150 [60].',
    arm: 'control',
  },
  {
    type: 'EVALUATES',
    from: 'trial:keynote-224',
    to: 'drug:pembrolizumab',
    refs: [50],
    evidence: 'KEYNOTE-224 evaluated pembrolizumab after sorafenib [50].',
  },
  {
    type: 'EVALUATES',
    from: 'trial:himalaya',
    to: 'regimen:stride',
    refs: [55],
    evidence: 'HIMALAYA evaluated the STRIDE regimen [55].',
  },
  {
    type: 'STUDIES',
    from: 'trial:checkmate-040',
    to: 'disease:hcc',
    refs: [45],
    evidence: 'CheckMate 040 enrolled advanced HCC [45].',
  },
  {
    type: 'STUDIES',
    from: 'trial:checkmate-459',
    to: 'disease:hcc',
    refs: [49],
    evidence: 'CheckMate 459 enrolled advanced HCC [49].',
  },
  {
    type: 'STUDIES',
    from: 'trial:imbrave150',
    to: 'disease:hcc',
    refs: [60],
    evidence: 'IMbrave150 enrolled unresectable HCC [60].',
  },
  {
    type: 'STUDIES',
    from: 'trial:himalaya',
    to: 'disease:hcc',
    refs: [55],
    evidence: 'HIMALAYA enrolled unresectable HCC [55].',
  },
  {
    type: 'REPORTS',
    from: 'trial:checkmate-040',
    to: 'outcome:checkmate-040-orr',
    refs: [45],
    evidence: 'ORR was 20% in the expansion phase [45].',
  },
  {
    type: 'REPORTS',
    from: 'trial:imbrave150',
    to: 'outcome:imbrave150-os',
    refs: [61],
    evidence: 'Updated median OS was 19.2 months [61].',
  },
  {
    type: 'REPORTS',
    from: 'trial:checkmate-459',
    to: 'outcome:checkmate-459-os',
    refs: [49],
    evidence: 'Median OS was 16.4 months with nivolumab [49].',
  },
  {
    type: 'OUTCOME_OF',
    from: 'outcome:checkmate-040-orr',
    to: 'drug:nivolumab',
    refs: [45],
    evidence: 'The 20% ORR was with nivolumab [45].',
  },
  {
    type: 'OUTCOME_OF',
    from: 'outcome:imbrave150-os',
    to: 'regimen:atezo-bev',
    refs: [61],
    evidence: 'The OS of 19.2 months was with atezolizumab + bevacizumab [61].',
  },
  {
    type: 'OUTCOME_OF',
    from: 'outcome:checkmate-459-os',
    to: 'drug:nivolumab',
    refs: [49],
    evidence: 'OS of 16.4 months with nivolumab [49].',
  },
  {
    type: 'INCLUDES',
    from: 'regimen:atezo-bev',
    to: 'drug:atezolizumab',
    refs: [60],
    evidence: 'The regimen includes atezolizumab [60].',
  },
  {
    type: 'INCLUDES',
    from: 'regimen:atezo-bev',
    to: 'drug:bevacizumab',
    refs: [60],
    evidence: 'The regimen includes bevacizumab [60].',
  },
  {
    type: 'INCLUDES',
    from: 'regimen:stride',
    to: 'drug:tremelimumab',
    refs: [55],
    evidence: 'STRIDE includes one priming dose of tremelimumab [55].',
  },
  {
    type: 'INCLUDES',
    from: 'regimen:stride',
    to: 'drug:durvalumab',
    refs: [55],
    evidence: 'STRIDE includes regular durvalumab [55].',
  },
  {
    type: 'INCLUDES',
    from: 'regimen:nivo-ipi',
    to: 'drug:nivolumab',
    refs: [52],
    evidence: 'Combination of nivolumab and ipilimumab [52].',
  },
  {
    type: 'INCLUDES',
    from: 'regimen:nivo-ipi',
    to: 'drug:ipilimumab',
    refs: [52],
    evidence: 'Combination of nivolumab and ipilimumab [52].',
  },
  {
    type: 'PREDICTS',
    from: 'biomarker:pd-l1-expression',
    to: 'class:pd-1-inhibitor',
    refs: [90],
    evidence: 'PD-L1 ≥1% was associated with response to anti-PD-1 in some cohorts [90].',
    endpoint: 'response',
    direction: 'association',
  },
  {
    type: 'PREDICTS',
    from: 'biomarker:nlr',
    to: 'class:ici',
    refs: [92],
    evidence: 'High baseline NLR predicted shorter survival on ICI [92].',
    endpoint: 'survival',
    direction: 'unfavorable',
  },
  {
    type: 'PREDICTS',
    from: 'biomarker:afp',
    to: 'drug:nivolumab',
    refs: [93],
    evidence: 'Early AFP decline predicted response to nivolumab [93].',
    endpoint: 'response',
    direction: 'favorable',
  },
  {
    type: 'RISK_FACTOR_FOR',
    from: 'risk:hbv',
    to: 'disease:hcc',
    refs: [2],
    evidence: 'HBV is the leading cause of HCC in Asia [2].',
  },
  {
    type: 'RISK_FACTOR_FOR',
    from: 'risk:hcv',
    to: 'disease:hcc',
    refs: [2],
    evidence: 'HCV is a major cause of HCC in the West [2].',
  },
  {
    type: 'APPROVED_FOR',
    from: 'drug:nivolumab',
    to: 'disease:hcc',
    refs: [46],
    evidence: 'FDA granted accelerated approval in 2017 for sorafenib-treated HCC [46].',
    agency: 'FDA',
    year: 2017,
    line: 'second',
  },
  {
    type: 'APPROVED_FOR',
    from: 'regimen:atezo-bev',
    to: 'disease:hcc',
    refs: [62],
    evidence: 'FDA approved atezolizumab + bevacizumab first line in 2020 [62].',
    agency: 'FDA',
    year: 2020,
    line: 'first',
  },
  {
    type: 'APPROVED_FOR',
    from: 'drug:ipilimumab',
    to: 'disease:melanoma',
    refs: [42],
    evidence: 'Ipilimumab was first approved for melanoma [42].',
  },
  {
    type: 'RECOMMENDS',
    from: 'guideline:nccn',
    to: 'regimen:atezo-bev',
    refs: [100],
    evidence: 'NCCN lists atezolizumab + bevacizumab as preferred first line [100].',
    category: '1',
  },
  {
    type: 'CAUSES_ADVERSE_EVENT',
    from: 'drug:nivolumab',
    to: 'ae:fatigue',
    refs: [45],
    evidence: 'Fatigue was the commonest TRAE with nivolumab [45].',
  },
  {
    type: 'CAUSES_ADVERSE_EVENT',
    from: 'regimen:atezo-bev',
    to: 'ae:hypertension',
    refs: [60],
    evidence: 'Hypertension was the commonest grade 3-4 AE [60].',
    rate: '15.2%',
  },
  {
    type: 'INDICATED_FOR',
    from: 'drug:sorafenib',
    to: 'disease:hcc',
    refs: [3],
    evidence: 'Sorafenib is indicated for advanced HCC [3].',
  },
  {
    type: 'SUPPRESSES',
    from: 'drug:bevacizumab',
    to: 'mechanism:angiogenesis',
    refs: [60],
    evidence: 'Anti-VEGF therapy suppresses angiogenesis [60].',
  },
  {
    type: 'PROMOTES',
    from: 'risk:hbv',
    to: 'mechanism:liver-immune-tolerance',
    refs: [21],
    evidence: 'Chronic HBV deepens hepatic tolerance [21].',
  },
  {
    type: 'SUPPRESSES',
    from: 'therapy:tace',
    to: 'disease:hcc',
    refs: [110],
    evidence: 'TACE controls intermediate-stage HCC [110].',
  },
];
// References from every cited number, and REPORTED_IN for trials, like ingest.
const refNums = new Set<number>();
for (const x of [...nodes, ...edges]) for (const r of (x.refs ?? []) as number[]) refNums.add(r);
for (const n of [...refNums].sort((a, b) => a - b))
  nodes.push({ id: `ref:${n}`, name: `Ref ${n}`, description: `Reference ${n} of the review.`, number: n, refs: [n] });
for (const t of nodes.filter((n) => n.id.startsWith('trial:')))
  for (const r of t.refs ?? [])
    edges.push({
      type: 'REPORTED_IN',
      from: t.id,
      to: `ref:${r}`,
      refs: [r],
      evidence: `${t.name} is reported in reference ${r}.`,
    });

const byId = new Map(nodes.map((n) => [n.id, n]));
const rels = edges.map((e, i) => ({
  ...e,
  id: `r${i}`,
  section: e.section ?? 'Immune checkpoint inhibitors',
  source: 'review',
}));
const nodeOut = (n: N) => ({
  ...n,
  label: labelOfId(n.id),
  synonyms: n.synonyms ?? [],
  refs: n.refs ?? [],
  source: 'review',
  resistance: n.kind === 'resistance' || undefined,
});
const edgeOut = (e: (typeof rels)[number]) => ({
  ...Object.fromEntries(Object.entries(e).filter(([k]) => !['from', 'to', 'id', 'type', 'source'].includes(k))),
  dataSource: e.source,
  id: e.id,
  source: e.from,
  target: e.to,
  type: e.type,
});
const degree = (id: string) => rels.filter((r) => r.from === id || r.to === id).length;
function sub(ids: Set<string>) {
  return {
    nodes: [...ids].map((id) => nodeOut(byId.get(id)!)),
    edges: rels.filter((r) => ids.has(r.from) && ids.has(r.to)).map(edgeOut),
  };
}
function norm(s: string) {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}
function lev(a: string, b: string) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}
let down = false;
const app = express();
app.use(express.json());
app.use('/api', (_req, res, next) =>
  down
    ? res.status(503).json({
        error: 'Neo4j unavailable',
        reason: 'Could not connect to bolt://localhost:7687 (mock: /api/_down toggled)',
      })
    : next(),
);
app.get('/api/_toggle-down', (_req, res) => {
  down = !down;
  res.json({ down });
});
app.get('/api/health', (_req, res) => res.json({ ok: true, neo4j: 'up' }));
app.get('/api/search', (req, res) => {
  const q = norm(String(req.query.q ?? ''));
  const limit = Number(req.query.limit ?? 10);
  if (!q) return res.json([]);
  const hits = [];
  for (const n of nodes) {
    let best = 0;
    let matched: string | undefined;
    for (const [i, s] of [n.name, ...(n.synonyms ?? [])].entries()) {
      const t = norm(s);
      const sc =
        t === q
          ? 10
          : t.startsWith(q)
            ? 6
            : t.includes(q)
              ? 4
              : q.length > 4 && lev(t, q) <= 3
                ? 3 - lev(t, q) * 0.5
                : 0;
      if (sc > best) {
        best = sc;
        matched = i === 0 ? undefined : s;
      }
    }
    if (best > 0)
      hits.push({ id: n.id, name: n.name, label: labelOfId(n.id), score: best, ...(matched ? { matched } : {}) });
  }
  res.json(hits.sort((a, b) => b.score - a.score).slice(0, limit));
});
app.get('/api/nodes/:id', (req, res) => {
  const n = byId.get(req.params.id);
  if (!n) return res.status(404).json({ error: 'not found', reason: `No node with id ${req.params.id}` });
  const relationships = rels
    .filter((r) => r.from === n.id || r.to === n.id)
    .map((r) => {
      const out = r.from === n.id;
      const o = byId.get(out ? r.to : r.from)!;
      const { from: _f, to: _t, type, id, ...props } = r;
      return {
        id,
        type,
        direction: out ? 'out' : 'in',
        other: { id: o.id, name: o.name, label: labelOfId(o.id) },
        props,
      };
    });
  res.json({ node: nodeOut(n), relationships });
});
app.get('/api/nodes/:id/neighbors', (req, res) => {
  const depth = Math.min(3, Math.max(1, Number(req.query.depth ?? 1)));
  const types = req.query.types ? String(req.query.types).split(',') : null;
  if (!byId.has(req.params.id)) return res.status(404).json({ error: 'not found' });
  let frontier = new Set([req.params.id]);
  const seen = new Set(frontier);
  for (let d = 0; d < depth; d++) {
    const next = new Set<string>();
    for (const r of rels) {
      if (types && !types.includes(r.type)) continue;
      if (frontier.has(r.from) && !seen.has(r.to)) next.add(r.to);
      if (frontier.has(r.to) && !seen.has(r.from)) next.add(r.from);
    }
    for (const x of next) seen.add(x);
    frontier = next;
  }
  res.json(sub(seen));
});
app.get('/api/graph', (req, res) => {
  const limit = Number(req.query.limit ?? 200);
  const labels = req.query.labels ? String(req.query.labels).split(',') : null;
  const ids = new Set(
    nodes
      .filter((n) => !labels || labels.includes(labelOfId(n.id)!))
      .sort((a, b) => degree(b.id) - degree(a.id))
      .slice(0, limit)
      .map((n) => n.id),
  );
  res.json({ ...sub(ids), total: { nodes: nodes.length, edges: rels.length } });
});
app.get('/api/schema', (_req, res) => {
  const lc = new Map<string, number>();
  const rc = new Map<string, number>();
  for (const n of nodes) lc.set(labelOfId(n.id)!, (lc.get(labelOfId(n.id)!) ?? 0) + 1);
  for (const r of rels) rc.set(r.type, (rc.get(r.type) ?? 0) + 1);
  res.json({
    labels: [...lc].map(([label, count]) => ({ label, count })),
    relationshipTypes: [...rc].map(([type, count]) => ({ type, count })),
  });
});
app.post('/api/cypher', (req, res) => {
  const q = String(req.body?.query ?? '');
  if (/\b(create|merge|delete|set|remove|drop)\b/i.test(q))
    return res.status(400).json({ error: 'read-only', reason: 'Only read queries are allowed' });
  if (!/^\s*(match|optional|with|unwind|call|return)\b/i.test(q) || !/\breturn\b/i.test(q))
    return res.status(400).json({
      error: 'Cypher error',
      message: `Invalid input '${q.slice(0, 20)}': expected RETURN (line 1, column 1 (offset: 0))`,
      code: 'Neo.ClientError.Statement.SyntaxError',
    });
  const m = /:(\w+)/.exec(q);
  const label = m?.[1];
  const ids = new Set(
    nodes
      .filter((n) => !label || labelOfId(n.id) === label)
      .slice(0, 25)
      .map((n) => n.id),
  );
  const g = sub(ids);
  res.json({
    columns: ['n.name', 'n.id', 'degree'],
    rows: g.nodes.map((n) => ({ 'n.name': n.name, 'n.id': n.id, degree: degree(n.id) })),
    graph: g,
    truncated: false,
  });
});
function bfsPaths(from: string, to: string, maxDepth: number, types: string[] | null) {
  const out: string[][] = [];
  const walk = (path: string[], relPath: string[]) => {
    const last = path[path.length - 1]!;
    if (last === to) {
      out.push(relPath);
      return;
    }
    if (relPath.length >= maxDepth || out.length > 10) return;
    for (const r of rels) {
      if (types && !types.includes(r.type)) continue;
      const nxt = r.from === last ? r.to : r.to === last ? r.from : null;
      if (nxt && !path.includes(nxt)) walk([...path, nxt], [...relPath, r.id]);
    }
  };
  walk([from], []);
  return out.sort((a, b) => a.length - b.length).slice(0, 5);
}
app.get('/api/paths', (req, res) => {
  const from = String(req.query.from ?? '');
  const to = String(req.query.to ?? '');
  if (!byId.has(from) || !byId.has(to)) return res.status(404).json({ error: 'not found', reason: 'from/to unknown' });
  const types = req.query.types ? String(req.query.types).split(',') : null;
  const ps = bfsPaths(from, to, Number(req.query.maxDepth ?? 4), types);
  const all = new Set<string>();
  const paths = ps.map((relIds) => {
    let cur = from;
    const ns = [from];
    const es = [];
    let chain = byId.get(from)!.name;
    for (const rid of relIds) {
      const r = rels.find((x) => x.id === rid)!;
      const nxt = r.from === cur ? r.to : r.from;
      chain += r.from === cur ? ` -[${r.type}]-> ` : ` <-[${r.type}]- `;
      chain += byId.get(nxt)!.name;
      cur = nxt;
      ns.push(nxt);
      es.push(edgeOut(r));
    }
    for (const x of ns) all.add(x);
    return { nodes: ns.map((x) => nodeOut(byId.get(x)!)), edges: es, chain };
  });
  const g = sub(all);
  const used = new Set(paths.flatMap((p) => p.edges.map((e) => e.id)));
  res.json({ paths, graph: { nodes: g.nodes, edges: g.edges.filter((e) => used.has(e.id)) } });
});
app.get('/api/resistance', (req, res) => {
  const target = String(req.query.target ?? '');
  if (!byId.has(target)) return res.status(404).json({ error: 'not found', reason: `No drug or class ${target}` });
  const pathways = rels
    .filter((r) => r.type === 'CONFERS_RESISTANCE_TO' && r.to === target)
    .map((r) => {
      const mech = byId.get(r.from)!;
      const drivers = rels
        .filter((x) => x.to === mech.id && ['PARTICIPATES_IN', 'PROMOTES'].includes(x.type))
        .map((x) => byId.get(x.from)!);
      const up = drivers.flatMap((d) =>
        rels.filter((x) => x.to === d.id && x.type === 'PROMOTES').map((x) => byId.get(x.from)!),
      );
      const over = rels.filter((x) => x.type === 'OVERCOMES' && x.to === mech.id).map((x) => byId.get(x.from)!);
      const small = (n: N) => ({ id: n.id, name: n.name, label: labelOfId(n.id) });
      return {
        mechanism: small(mech),
        drivers: [...up, ...drivers].map(small),
        overcomeBy: over.map(small),
        chain: `${[...up, ...drivers].map((d) => d.name).join(' → ')} → ${mech.name} ⊣ ${byId.get(target)!.name}`,
      };
    });
  const ids = new Set<string>([target]);
  for (const p of pathways) {
    ids.add(p.mechanism.id);
    for (const d of p.drivers) ids.add(d.id);
    for (const d of p.overcomeBy) ids.add(d.id);
  }
  res.json({ pathways, graph: sub(ids) });
});
const questions = [
  {
    name: 'trials-for-drug',
    title: 'Trials that evaluated a drug',
    description: 'Every trial with an EVALUATES edge to the drug, with its phase.',
    params: { drug: 'drug:nivolumab' },
    query: 'MATCH (t:Trial)-[:EVALUATES]->(d:Drug {id: $drug}) RETURN t.name, t.phase',
  },
  {
    name: 'approved-first-line',
    title: 'First-line approvals',
    description: 'Drugs and regimens approved first line for HCC.',
    params: {},
    query: 'MATCH (x)-[a:APPROVED_FOR {line: "first"}]->(:Disease {id: "disease:hcc"}) RETURN x.name, a.agency, a.year',
  },
];
app.get('/api/questions', (_req, res) => res.json({ questions, problems: [] }));
app.post('/api/questions/:name/run', (req, res) => {
  const q = questions.find((x) => x.name === req.params.name);
  if (!q) return res.status(404).json({ error: 'not found' });
  const drug = (req.body?.params?.drug as string) ?? 'drug:nivolumab';
  const trials = rels.filter((r) => r.type === 'EVALUATES' && r.to === drug).map((r) => byId.get(r.from)!);
  const g = sub(new Set([drug, ...trials.map((t) => t.id)]));
  res.json({
    columns: ['t.name', 't.phase'],
    rows: trials.map((t) => ({ 't.name': t.name, 't.phase': t.phase ?? null })),
    graph: g,
    truncated: false,
  });
});
app.get('/api/export', (_req, res) => res.status(501).json({ error: 'not in mock' }));
app.use('/api', (_req, res) => res.status(404).json({ error: 'no such endpoint' }));
app.use(express.static(path.resolve(import.meta.dirname, '../dist')));
const port = Number(process.env.MOCK_PORT ?? 3003);
app.listen(port, () => console.log(`mock API on http://localhost:${port}`));
