"""Seeded sentence sampler: unannotated corpus-wide gold batches for hand annotation.

Draws documents from the scale corpus (``corpus/scale``: LawRefBook local regulations and the
data-compliance local/national policy texts), stratified by genre and jurisdiction, then about ten
sentences from each, and writes YAML batches of about 110 sentences (documents kept whole) plus a
README with the counts.  Every sentence carries its exact character offsets in the file's full
decoded text (UTF-8, read with ``newline=''``; Python ``str`` indices), so
``text == file_text[start:end]`` holds; the script asserts it.

    python tests/gold/sample_corpus.py --corpus ../shared/corpus/scale --seed 2026 -o tests/gold/corpus

Sentences follow ANNOTATION.md: a sentence ends at 。；！？ (closing quotes after the mark stay
with it) and at a line break; a list item or heading without such a mark is one sentence.
Leading/trailing whitespace, markdown heading marks and list bullets are not part of the text.

Stdlib + pyyaml only.  The output is a pure function of the corpus and the seed.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

# --------------------------------------------------------------------------- quotas

N_REG_PER_PROVINCE = 2          # local regulations: at least this many per province
N_REG_EXTRA = 6                 # ... plus this many more, in distinct random provinces
N_REG_WITH_PENALTY = 4          # regulations with a 法律责任 chapter that imposes 罚款 (>= 3 asked)
LOCAL_POLICY_QUOTA = {"plan": 8, "opinion": 3, "measures": 5}
N_PLAN_WITH_BRACKETS = 4        # plans with （责任单位：…）/（X牵头…） brackets
N_SUBSIDY = 2                   # local policies that are subsidy schemes: ...
MIN_SUBSIDY_WORDS = 8           # ... at least this many 算力券/补贴/奖励/扶持 in the text
NATIONAL_QUOTA = {"law": 3, "measures": 2, "opinion": 1, "notice": 1, "plan": 1}
MAX_PER_JURISDICTION = 2        # among the local policies
SENTENCES_PER_DOC = 10
MIN_ELIGIBLE = 20               # a document must offer at least this many eligible sentences
MAX_SENTENCE_CHARS = 250
BATCH_SIZE = 110                # sentences per batch, approximately

# Round 2 (``--round 2``): a second, policy-heavy draw that excludes every document of round 1, to
# widen the tuning half and give the test half more instruments, parameters and targets.
ROUND2_REGULATIONS = 4          # in distinct provinces, ...
ROUND2_REG_WITH_PENALTY = 2     # ... the first of them with a 法律责任 chapter that imposes 罚款
ROUND2_LOCAL_QUOTA = {"plan": 6, "measures": 6, "opinion": 2}
ROUND2_PLAN_WITH_BRACKETS = 3
ROUND2_SUBSIDY = 4
ROUND2_NATIONAL_QUOTA = {"measures": 2, "plan": 1, "opinion": 1}
ROUND2_FIGURES = 3              # sentences with a figure per document (round 1: 1)
ROUND2_FIRST_BATCH = 5
# Rounds 3 and 4 (``--round 3``/``4``): the same policy-heavy draw again, excluding every earlier document,
# to give both halves more documents (the test half of rounds 1-2 holds only 33 documents).
FIRST_BATCH = {1: 1, 2: ROUND2_FIRST_BATCH, 3: 7, 4: 9}

PROVINCES = {  # lawrefbook directory -> (MANIFEST jurisdiction, jurisdiction as written in gold)
    "beijing": ("北京", "北京市"), "shanghai": ("上海", "上海市"), "chongqing": ("重庆", "重庆市"),
    "guangdong": ("广东", "广东省"), "henan": ("河南", "河南省"), "shandong": ("山东", "山东省"),
    "zhejiang": ("浙江", "浙江省"),
}
NATIONAL = "中华人民共和国"

# Documents the corpus README reports as damaged (clipped right margin, broken font encoding,
# broken reading order, garbled or truncated extraction) — never sampled.
DAMAGED = ("湖南省数据条例", "河北省数字经济发展三年行动计划", "深圳市人工智能语料券", "德阳市支持数字经济",
           "昆明市推动数字经济", "山东省数字经济促进条例", "山东省大数据发展促进条例",
           "浙江省无人驾驶航空器公共安全管理规定",
           "数字中国建设2025年行动方案")   # the last is a news report about the plan, not the plan
PAGE_FOOTER = "【法宝引证码】"     # database page footers split sentences across page breaks: skipped

# Places that name the jurisdiction of a data-compliance document whose MANIFEST row has none;
# the earliest (then longest) one in the title wins.
PLACES = {
    "北京市石景山区": "北京市石景山区", "浦东新区": "上海市浦东新区",
    **{p: p for p in (
        "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 "
        "山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 内蒙古自治区 "
        "广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 厦门市 德阳市 青岛市 广州市 深圳市 长沙市 "
        "大连市 威海市 昆明市 济南市 烟台市 芜湖市 广元市 贵阳市 武汉市 西安市 长春市 杭州市 东莞市").split()},
    "数字青岛": "青岛市", "数字云南": "云南省",
}

# --------------------------------------------------------------------------- patterns

TERMINATORS = "。；！？"
CLOSERS = "”’」』"
SPLIT = re.compile(r"[%s][%s]*|\r\n|\n|\r" % (TERMINATORS, CLOSERS))
LEAD_STRIP = re.compile(r"(?:[\s\u3000\xa0]|#+|[-*+>](?=\s))+")
TRAIL_STRIP = re.compile(r"[\s\u3000\xa0]+$")
CJK = re.compile(r"[\u3400-\u9fff]")
NUM_CN = "零〇一二两三四五六七八九十百千万"
ARTICLE = re.compile(r"(?:第[%s\d]+[章节]\s*\S{0,20}?\s+)?(第[%s\d]+条)" % (NUM_CN, NUM_CN))
HEADING = re.compile(r"^(?:第[%s\d]+[编章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                     r"[（(]?\d{1,2}[)）.．、]|附则|总则)" % NUM_CN)
MODAL = re.compile(r"应当|不得|可以|有权|负责|必须|禁止|(?<![相供响适对回反效呼答])应(?![用急对变答])")
DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日"
                  r"|[（(]?\d{4}\s*[-—–～~]\s*\d{4}\s*年[)）]?|〔\d{4}〕\d+号")
NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|‰|倍|[亿万千百]|个|家|项|次|人|元|台|套|座|条|所|户|份|架|吨|"
                    r"公里|千米|米|平方|小时|日|天|年|月|周|GB|TB|PB|EFLOPS|EFlops|PFLOPS|P\b|T\b|G\b|ms|毫秒)"
                    r"|(?<!第)[" + NUM_CN + r"]+(?:万|亿)?(?:元|个工作日|日|年|月|倍|人|家|项)|百分之")
DEFINITION = re.compile(r"所称|是指|系指|本(?:条例|办法|规定|细则|措施|方案)自.*施行|(?:之日起|起)施行|制定本")
BRACKET = re.compile(r"（[^（）]{0,80}?(?:责任单位|牵头单位|牵头)[^（）]{0,200}?）", re.S)
SUBSIDY = re.compile(r"算力券|补贴|奖励|扶持")
BOILERPLATE = re.compile(
    r"\||\[|\]|\*\*|<!--|-->|https?:|www\.|▴|网站地图|登录|注册|无障碍|主办[:：]|承办[:：]|公网安备|标识码|ICP|"
    r"版权|联系我们|扫一扫|打印|关闭|字号|发布日期|来源[:：]|分享|浏览次数|首页|当前位置|解读|下载|简体|繁体|"
    r"主办单位|协办单位|承办单位|新闻中心|政府信息公开|｜|【|政务服务平台$|[上下]午\d|\d+/\d+/\d+| - ")
DOC_NUMBER = re.compile(r"〔\d{4}〕\d+\s*号")


def cjk_ratio(s: str) -> float:
    t = re.sub(r"\s", "", s)
    return len(CJK.findall(t)) / len(t) if t else 0.0


# --------------------------------------------------------------------------- documents

def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def body_start(text: str) -> int:
    """Offset just after the front matter, the title line and (LawRefBook) the info block."""
    pos = 0
    if text.startswith("---"):
        m = re.compile(r"^---[ \t]*$", re.M).search(text, 3)
        pos = text.index("\n", m.start()) + 1 if m else 0
    m = re.compile(r"^#[^#].*$", re.M).search(text, pos)     # the title line
    if m:
        pos = m.end()
    info = text.find("<!-- INFO END -->", pos)
    if info != -1:
        pos = info + len("<!-- INFO END -->")
    return pos


def split_sentences(text: str, start: int):
    """Yield (start, end) of every non-empty sentence from ``start`` on, stripped."""
    pos = start
    for m in list(SPLIT.finditer(text, start)) + [None]:
        end = m.end() if m else len(text)
        if m and m.group()[0] not in TERMINATORS:
            end = m.start()                       # a line break ends the sentence, not part of it
        s, e = pos, end
        lead = LEAD_STRIP.match(text, s, e)
        if lead:
            s = lead.end()
        trail = TRAIL_STRIP.search(text[s:e])
        if trail:
            e = s + trail.start()
        if e > s:
            yield s, e
        pos = m.end() if m else len(text)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    b = len(text)
    for ch in "\r\n":
        i = text.find(ch, pos)
        if i != -1:
            b = min(b, i)
    return a, b


class Doc:
    def __init__(self, root: Path, row: dict):
        self.file = row["file"]
        self.row = row
        self.text = read_text(root / self.file)
        self.title = clean_title(row["title"])
        self.kind = ("regulation" if self.file.startswith("lawrefbook_dlc/") else
                     "national" if self.file.startswith("data_compliance/national/") else "local")
        self.genre = classify(self.title, self.kind)
        self.jurisdiction = jurisdiction(row, self.title, self.kind)
        self.sentences = self._sentences()
        self.eligible = [s for s in self.sentences if s["eligible"]]
        self.has_brackets = bool(BRACKET.search(self.text, body_start(self.text)))
        self.has_subsidy = len(SUBSIDY.findall(self.text, body_start(self.text))) >= MIN_SUBSIDY_WORDS
        self.has_penalty = bool(re.search(r"^\s*(?:#+\s*)?第[%s]+章\s*法律责任" % NUM_CN, self.text, re.M)
                                and "罚款" in self.text)

    def _sentences(self):
        text = self.text
        labels = []                                   # (line start, context label)
        out = []
        for s, e in split_sentences(text, body_start(text)):
            t = text[s:e]
            a, b = line_bounds(text, s)
            whole_line = text[a:b].strip().lstrip("#").strip() == t
            heading = whole_line and t[-1] not in TERMINATORS + CLOSERS and len(t) <= 40 and (
                bool(HEADING.match(t)) or text[a:b].lstrip().startswith("#"))
            art = ARTICLE.match(t)
            context = labels[-1][1] if labels else None
            if art:
                labels.append((s, art.group(1)))
                context = art.group(1)
            elif heading:
                labels.append((s, t))
            stripped = DATE.sub("", t)
            out.append({
                "start": s, "end": e, "text": t, "context": context,
                "heading": heading,
                "modal": bool(MODAL.search(t)),
                "number": bool(NUMBER.search(stripped)),
                "nothing": heading or bool(DEFINITION.search(t)),
                "eligible": (4 <= len(t) <= MAX_SENTENCE_CHARS and cjk_ratio(t) >= 0.5
                             and not BOILERPLATE.search(t)
                             and not (DOC_NUMBER.search(t) and len(t) < 40)
                             and not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t)),
            })
        return out


def clean_title(t: str) -> str:
    t = t.replace("_br_", "").replace("\u200b", "").strip()
    t = re.split(r"_| - |--", t)[0].strip()
    t = re.sub(r"^\S*网\s+政策文件\s+", "", t)             # a portal's breadcrumb before the title
    t = re.sub(r"（[^（）]*〔\d{4}〕\d+号）$", "", t)          # a trailing document number
    t = re.sub(r"(意见|通知|方案|办法|措施|计划|细则|条例|规定)\s+[^《》]*$", r"\1", t)  # site words after it
    t = re.sub(r"-[^-《》]*(?:厅|局|网|平台|网站)$", "", t).strip()
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1]
    return t


def inner_title(t: str) -> str:
    """The document a 印发 notice carries: 关于印发《X》的通知 -> X."""
    m = re.search(r"印发《(.+)》", t) or re.search(r"印发(.+?)的通知", t)
    return m.group(1) if m else t


def classify(title: str, kind: str) -> str | None:
    if kind == "regulation":
        return "regulation"
    if re.search(r"指南|指引|标准|预案|合同|清单|名词|说明|宣言|征求|建议稿|草案|规范$|要点", inner_title(title)):
        return None
    t = re.sub(r"（[^（）]*）$", "", inner_title(title))      # （试行）, （2025修正）, （2025—2027年）
    if "意见" in t:
        return "opinion"
    if re.search(r"行动计划|实施方案|建设方案|工作方案|行动方案|改革方案|试点方案|若干措施", t):
        return "plan"
    if re.search(r"(?<!办)法$|条例$", t):
        return "law" if kind == "national" else "regulation"
    if re.search(r"办法|细则|规程|规定|若干政策|政策措施|举措", t):
        return "measures"
    if re.search(r"通知$|函$", t):
        return "notice"
    return None


def jurisdiction(row: dict, title: str, kind: str) -> str | None:
    if kind == "regulation":
        return PROVINCES[row["file"].split("/")[1]][1]
    if kind == "national":
        return NATIONAL
    if row["jurisdiction"]:
        return row["jurisdiction"]
    hits = [(title.find(p), -len(p), v) for p, v in PLACES.items() if p in title]
    return min(hits)[2] if hits else None


# --------------------------------------------------------------------------- selection

def load_candidates(root: Path) -> list[Doc]:
    with open(root / "MANIFEST.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    latest = {}                                   # one version per regulation title: the latest
    for r in rows:
        if r["file"].startswith("lawrefbook_dlc/"):
            key = (r["jurisdiction"], r["title"])
            if key not in latest or r["file"] > latest[key]["file"]:
                latest[key] = r
    docs, seen_bodies = [], []
    for r in sorted(rows, key=lambda r: r["file"]):
        if r["flags"] or any(d in r["title"] for d in DAMAGED):
            continue
        if PAGE_FOOTER in read_text(root / r["file"]):
            continue
        if r["file"].startswith("lawrefbook_dlc/"):
            short = r["jurisdiction"]
            if latest[(short, r["title"])] is not r or not r["title"].startswith(short):
                continue                          # older version, or a city's regulation
            if "决定" in r["title"] or not 3000 <= int(r["chars"]) <= 30000 or int(r["n_articles"] or 0) < 10:
                continue
        elif not r["file"].startswith("data_compliance/"):
            continue
        d = Doc(root, r)
        if d.genre is None or d.jurisdiction is None or len(d.eligible) < MIN_ELIGIBLE:
            continue
        if d.kind != "regulation":               # the same policy from two PDFs / two web pages
            han = "".join(CJK.findall(d.text, body_start(d.text)))
            body = {han[i:i + 6] for i in range(max(0, len(han) - 5))}
            if any(len(body & b) >= 0.5 * min(len(body), len(b)) for b in seen_bodies):
                continue
            seen_bodies.append(body)
        docs.append(d)
    return docs


def take_local(pool: list[Doc], quota: dict, brackets: int, subsidy: int) -> list[Doc]:
    """Local policies by genre quota, plans with brackets and subsidy schemes first, <= 2 per place."""
    per_j: Counter = Counter()
    local: list[Doc] = []

    def take(cands, n):
        for d in cands:
            if n <= 0:
                break
            if d in local or per_j[d.jurisdiction] >= MAX_PER_JURISDICTION:
                continue
            local.append(d)
            per_j[d.jurisdiction] += 1
            n -= 1

    take([d for d in pool if d.genre == "plan" and d.has_brackets], brackets)
    take([d for d in pool if d.genre in ("measures", "plan") and d.has_subsidy],
         subsidy - sum(d.has_subsidy for d in local))
    for g, n in quota.items():
        take([d for d in pool if d.genre == g], n - sum(d.genre == g for d in local))
    return local


def choose_round2(docs: list[Doc], rng: random.Random, exclude: set[str]) -> list[Doc]:
    """Round 2: fresh documents only, weighted towards policies (instruments, parameters, targets)."""
    docs = [d for d in docs if d.file not in exclude]
    chosen: list[Doc] = []
    regs = [d for d in docs if d.kind == "regulation"]
    rng.shuffle(regs)
    places: set[str] = set()
    for wanted, n in ((True, ROUND2_REG_WITH_PENALTY), (False, ROUND2_REGULATIONS - ROUND2_REG_WITH_PENALTY)):
        for d in regs:
            if n and d.has_penalty == wanted and d.jurisdiction not in places:
                places.add(d.jurisdiction)
                chosen.append(d)
                n -= 1
    return chosen + take_policies(docs, rng, ROUND2_LOCAL_QUOTA, ROUND2_PLAN_WITH_BRACKETS, ROUND2_SUBSIDY,
                                  ROUND2_NATIONAL_QUOTA)


def take_policies(docs: list[Doc], rng: random.Random, local_quota: dict, brackets: int, subsidy: int,
                  national_quota: dict) -> list[Doc]:
    """Local policies by genre quota (brackets and subsidy schemes first, <= 2 per jurisdiction), then
    national texts by genre quota."""
    pool = [d for d in docs if d.kind == "local"]
    rng.shuffle(pool)
    chosen = take_local(pool, local_quota, brackets, subsidy)
    pool = [d for d in docs if d.kind == "national"]
    rng.shuffle(pool)
    for g, n in national_quota.items():
        chosen += [d for d in pool if d.genre == g][:n]
    return chosen


def annotated_file(f: Path) -> bool:
    """Whether a batch file holds any hand annotation (a sentence with more than its offsets and text)."""
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    plain = {"start", "end", "text", "context"}
    return any(set(s) - plain for d in data["documents"] for s in d["sentences"])


def drawn_before_file(f: Path) -> set[str]:
    """Every document of a batch file already drawn."""
    return {e["doc"] for e in yaml.safe_load(f.read_text(encoding="utf-8"))["documents"]}


def choose_documents(docs: list[Doc], rng: random.Random) -> list[Doc]:
    chosen: list[Doc] = []

    # Local regulations: N per province, the first pick of N_REG_WITH_PENALTY random provinces
    # must have a 法律责任 chapter with 罚款, then one extra in N_REG_EXTRA distinct provinces.
    provinces = sorted({j for _, j in PROVINCES.values()})
    penalty_first = set(rng.sample(provinces, N_REG_WITH_PENALTY))
    extra = set(rng.sample(provinces, N_REG_EXTRA))
    for p in provinces:
        pool = [d for d in docs if d.kind == "regulation" and d.jurisdiction == p]
        rng.shuffle(pool)
        if p in penalty_first:
            pool.sort(key=lambda d: not d.has_penalty)   # stable: first penalty doc, then the rest
        chosen += pool[:N_REG_PER_PROVINCE + (p in extra)]

    # Local policies, then national texts, by genre quotas.
    return chosen + take_policies(docs, rng, LOCAL_POLICY_QUOTA, N_PLAN_WITH_BRACKETS, N_SUBSIDY, NATIONAL_QUOTA)


def stratum(d: Doc) -> tuple:
    return (d.kind, d.jurisdiction if d.kind == "regulation" else d.genre)


def assign_splits(docs: list[Doc], rng: random.Random) -> dict[str, str]:
    """Halve the documents, alternating within each stratum (genre x jurisdiction), carrying the
    parity across strata so odd strata do not all favour one side."""
    split, flip = {}, 0
    groups = defaultdict(list)
    for d in docs:
        groups[stratum(d)].append(d)
    for key in sorted(groups):
        g = sorted(groups[key], key=lambda d: d.file)
        rng.shuffle(g)
        for i, d in enumerate(g):
            split[d.file] = ("tune", "test")[(i + flip) % 2]
        flip = (flip + len(g)) % 2
    return split


def sample_sentences(d: Doc, seed: int, figures: int = 1) -> list[dict]:
    rng = random.Random(f"{seed}:{d.file}")
    el = d.eligible
    picked: list[dict] = []

    def pick(cands):
        cands = [s for s in cands if s not in picked]
        if cands:
            picked.append(rng.choice(cands))

    pick([s for s in el if s["modal"] and not s["heading"]])
    for _ in range(figures):
        pick([s for s in el if s["number"] and not s["heading"]])
    pick([s for s in el if s["nothing"]])                # ~1 in 10: heading or definition clause
    rest = [s for s in el if s not in picked and not s["heading"]]
    rng.shuffle(rest)
    picked += rest[:SENTENCES_PER_DOC - len(picked)]
    return sorted(picked, key=lambda s: s["start"])


def make_batches(docs: list[Doc], split: dict, rng: random.Random) -> list[list[Doc]]:
    """Deal tune documents, then test documents, round-robin (in stratum order) into batches of
    about BATCH_SIZE sentences, so every batch mixes genres, jurisdictions and both halves."""
    total = len(docs) * SENTENCES_PER_DOC
    n = max(1, round(total / BATCH_SIZE))
    order = []
    for half in ("tune", "test"):
        order += sorted((d for d in docs if split[d.file] == half), key=lambda d: (stratum(d), d.file))
    batches = [[] for _ in range(n)]
    for i, d in enumerate(order):
        batches[i % n].append(d)
    for b in batches:
        rng.shuffle(b)
    return batches


# --------------------------------------------------------------------------- output

HEADER = "# Corpus-wide gold, hand-annotated following ANNOTATION.md (see tests/gold/GUIDE.md).\n"

FIELDS = """\
  act: [surface|label, ...]          # actors: minimal surface as written | resolved canonical name
  inst: [surface, ...]               # instrument surfaces
  dom: [surface, ...]                # domain surfaces
  measures:                          # one per clause and (agent, modality) pair
  - {mod: obligation|authorization|encouragement|prohibition, agents: [label…], responsible: [label…], action: 动词短语}
  targets:
  - {value: 25, unit: EFLOPS, year: 2027, comparator: '≥', period: annual|null, metric: 算力规模}
  params:                            # rule parameters of instruments
  - {instrument: 算力券, type: rate|cap|minimum|amount|duration|threshold, value: 30, unit: '%', per: 企业|年|项目|null, beneficiary: …}
  stats:
  - {value: …, unit: …, as_of: …}
  sanctions:
  - {imposer: label, min: 1, max: 10, unit: 万元, breach: 第十二条}
  cites: [title, ...]
"""


def table(title: str, counter: Counter, docs_c: Counter) -> str:
    lines = [f"| {title} | documents | sentences |", "|---|---:|---:|"]
    for k in sorted(counter, key=lambda k: (-counter[k], k)):
        lines.append(f"| {k} | {docs_c[k]} | {counter[k]} |")
    return "\n".join(lines)


def fmt(quota: dict) -> str:
    return ", ".join(f"{n} {g}" for g, n in quota.items())


def write_readme(out: Path, args, docs, split, batches, sents) -> dict:
    counts, parts = count_tables(docs, split, batches, sents)
    n_s = sum(len(v) for v in sents.values())
    readme = f"""# Corpus-wide gold (unannotated sample)

Drawn from `corpus/scale` by

    python tests/gold/sample_corpus.py --corpus {args.corpus_arg} --seed {args.seed} -o {args.out_arg}

(deterministic: same corpus + seed → identical files). {len(docs)} documents, {n_s} sentences.

How: from the MANIFEST, documents with no quality flag (no truncation, no article gaps, no
draft-for-comment), not reported damaged in the corpus README (nor a news report, nor split by
page footers), of a known jurisdiction, not a duplicate of an earlier file, and with at
least {MIN_ELIGIBLE} usable sentences. Local regulations (LawRefBook, provincial-level titles, latest
version, 3k–30k characters, ≥ 10 articles, no 决定): {N_REG_PER_PROVINCE} per province + {N_REG_EXTRA} extra
in distinct provinces; in {N_REG_WITH_PENALTY} provinces the first pick has a 法律责任 chapter with 罚款.
Local policies (data_compliance/local, ≤ {MAX_PER_JURISDICTION} per jurisdiction): {fmt(LOCAL_POLICY_QUOTA)}, of which
{N_PLAN_WITH_BRACKETS} plans with （责任单位：…）/（…牵头…） brackets and {N_SUBSIDY} subsidy schemes (≥ {MIN_SUBSIDY_WORDS}× 算力券/补贴/奖励/扶持).
National (data_compliance/national): {fmt(NATIONAL_QUOTA)}. Genre is from the title (for a 印发 notice,
from the document it carries).

Sentences end at 。；！？ (closing quotes stay with the mark) and at line breaks; front matter, the
title line and LawRefBook's info block are skipped; web boilerplate, dates, document numbers,
mostly non-Chinese lines and sentences over {MAX_SENTENCE_CHARS} characters are never drawn. Each document
gives {SENTENCES_PER_DOC} sentences (seeded per document): one with a modal (应当/应/可以/不得/有权/负责…)
and one with a figure where available, one heading or definition/purpose/entry-into-force clause
(likely nothing to extract), the rest at random among non-heading sentences; listed in text order.
`start`/`end` are Python str offsets into the file read as UTF-8 with `newline=''`
(`text == file_text[start:end]`); `context` is the nearest enclosing article number or preceding
heading. Documents are split into halves `tune`/`test`, alternating within each stratum
(province for regulations, genre for policies); batches keep documents whole and mix both halves.

## Counts

{chr(10).join(p + chr(10) for p in parts)}
## Annotation fields

Annotators add, per sentence, only the kinds present (a missing kind means none):

```
{FIELDS}```
"""
    (out / "README.md").write_text(readme, encoding="utf-8")
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="corpus/scale directory (holds MANIFEST.tsv)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("-o", "--out", required=True, help="output directory (tests/gold/corpus)")
    ap.add_argument("--force", action="store_true",
                    help="overwrite batch files that already hold hand annotations")
    ap.add_argument("--round", type=int, choices=(1, 2, 3, 4), default=1,
                    help="2: a policy-heavy draw of fresh documents, written as batch-05… beside round 1; "
                         "3, 4: the same draw again, excluding earlier rounds, written as batch-07…, batch-09…")
    args = ap.parse_args(argv)
    args.corpus_arg, args.out_arg = args.corpus, args.out
    root, out = Path(args.corpus), Path(args.out)
    if "heldout" in root.resolve().as_posix():
        ap.error("the held-out set is reserved for the independent check")
    out.mkdir(parents=True, exist_ok=True)

    rng = random.Random(f"policykg-gold:{args.seed}")
    first, figures = 1, 1
    if args.round >= 2:
        first, figures = FIRST_BATCH[args.round], ROUND2_FIGURES
        old = {f for f in out.glob("batch-*.yaml") if int(f.stem.split("-")[1]) < first}
        exclude = set().union(*(drawn_before_file(f) for f in old))
        docs = choose_round2(load_candidates(root), rng, exclude)
    else:
        docs = choose_documents(load_candidates(root), rng)
    split = assign_splits(docs, rng)
    sents = {d.file: sample_sentences(d, args.seed, figures) for d in docs}
    batches = make_batches(docs, split, rng)

    nxt = FIRST_BATCH.get(args.round + 1, 10**6)
    stale = [f for f in out.glob("batch-*.yaml") if first <= int(f.stem.split("-")[1]) < nxt]
    annotated = [f.name for f in stale if annotated_file(f)]
    if annotated and not args.force:
        ap.error(f"{out}: {', '.join(sorted(annotated))} hold hand annotations; write the sample elsewhere (-o) "
                 "to compare, or pass --force to overwrite them")
    for f in stale:
        f.unlink()
    for i, batch in enumerate(batches, first):
        entries = []
        for d in batch:
            ss = []
            for s in sents[d.file]:
                assert d.text[s["start"]:s["end"]] == s["text"], (d.file, s)
                e = {"start": s["start"], "end": s["end"], "text": s["text"]}
                if s["context"]:
                    e["context"] = s["context"]
                ss.append(e)
            entries.append({"doc": d.file, "title": d.title, "jurisdiction": d.jurisdiction,
                            "genre": d.genre, "split": split[d.file], "sentences": ss})
        body = yaml.safe_dump({"batch": i, "documents": entries}, allow_unicode=True,
                              sort_keys=False, width=1000)
        (out / f"batch-{i:02d}.yaml").write_text(HEADER + body, encoding="utf-8")

    if args.round >= 2:
        counts = write_readme_round2(out, args, docs, split, batches, sents)
        verify_round2(root, out, docs, first)
    else:
        counts = write_readme(out, args, docs, split, batches, sents)
        verify(root, out, docs, sents)
    for name, (dc, sc) in counts.items():
        print(f"{name}: " + ", ".join(f"{k}={dc[k]}/{sc[k]}" for k in sorted(sc)))
    return 0


def verify(root: Path, out: Path, docs, sents) -> None:
    """Re-read the written batches and check offsets against the files, and the minimums."""
    n_docs = n_sents = 0
    genres, places, splits = set(), set(), Counter()
    for f in sorted(out.glob("batch-*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for e in data["documents"]:
            text = read_text(root / e["doc"])
            for s in e["sentences"]:
                assert text[s["start"]:s["end"]] == s["text"], (e["doc"], s)
                assert len(s["text"]) <= MAX_SENTENCE_CHARS and s["text"] == s["text"].strip()
            n_docs += 1
            n_sents += len(e["sentences"])
            genres.add(e["genre"])
            places.add(e["jurisdiction"])
            splits[e["split"]] += 1
    reg_places = {d.jurisdiction for d in docs if d.kind == "regulation"}
    assert n_docs >= 40 and n_sents >= 400, (n_docs, n_sents)
    assert len(reg_places) >= 7, reg_places
    assert genres >= {"regulation", "plan", "opinion", "notice", "measures", "law"}, genres
    assert abs(splits["tune"] - splits["test"]) <= 1, splits
    assert sum(d.kind == "regulation" and d.has_penalty for d in docs) >= 3
    assert sum(d.genre == "plan" and d.has_brackets for d in docs) >= 4
    assert sum(d.kind == "local" and d.has_subsidy for d in docs) >= N_SUBSIDY
    print(f"verified: {n_docs} documents, {n_sents} sentences, {len(places)} jurisdictions, "
          f"genres {sorted(genres)}, splits {dict(splits)}", file=sys.stderr)


def count_tables(docs, split, batches, sents, first: int = 1) -> tuple[dict, list[str]]:
    by = {"genre": lambda d: d.genre, "jurisdiction": lambda d: d.jurisdiction,
          "split": lambda d: split[d.file]}
    counts, parts = {}, []
    for name, f in by.items():
        sc, dc = Counter(), Counter()
        for d in docs:
            sc[f(d)] += len(sents[d.file])
            dc[f(d)] += 1
        counts[name] = (dc, sc)
        parts.append(table(name, sc, dc))
    bc, bd = Counter(), Counter()
    for i, b in enumerate(batches, first):
        name = f"batch-{i:02d}.yaml"
        bc[name] = sum(len(sents[d.file]) for d in b)
        tune = sum(split[d.file] == "tune" for d in b)
        bd[name] = f"{len(b)} ({tune} tune / {len(b) - tune} test)"
    parts.append("\n".join(["| batch | documents | sentences |", "|---|---:|---:|"] +
                           [f"| {k} | {bd[k]} | {bc[k]} |" for k in sorted(bc)]))
    counts["batch"] = (bd, bc)
    return counts, parts


def write_readme_round2(out: Path, args, docs, split, batches, sents) -> dict:
    first = FIRST_BATCH[args.round]
    counts, parts = count_tables(docs, split, batches, sents, first)
    n_s = sum(len(v) for v in sents.values())
    n_brackets = sum(d.genre == "plan" and d.has_brackets for d in docs)
    n_subsidy = sum(d.kind == "local" and d.has_subsidy for d in docs)
    readme = f"""# Corpus-wide gold, round {args.round}

Drawn from `corpus/scale` by

    python tests/gold/sample_corpus.py --corpus {args.corpus_arg} --seed {args.seed} -o {args.out_arg} --round {args.round}

(deterministic: same corpus, seed and earlier batches → identical files). {len(docs)} documents, {n_s}
sentences, none from a document of an earlier round (batch-01…{first - 1:02d}). The same filters and sentence rules as
round 1 (README.md), weighted towards policies, where instruments, their parameters and targets
are: {ROUND2_REGULATIONS} local regulations in distinct provinces ({ROUND2_REG_WITH_PENALTY} with a 法律责任 chapter with 罚款);
local policies {fmt(ROUND2_LOCAL_QUOTA)}, asking for {ROUND2_PLAN_WITH_BRACKETS} plans with responsibility brackets and
{ROUND2_SUBSIDY} subsidy schemes (drawn: {n_brackets} and {n_subsidy}; the fresh pool, at most
{MAX_PER_JURISDICTION} per jurisdiction, held no more); national {fmt(ROUND2_NATIONAL_QUOTA)}. Each document gives {SENTENCES_PER_DOC} sentences:
one with a modal, {ROUND2_FIGURES} with a figure where available, one heading or definition clause, the rest at
random. Halves `tune`/`test` by document as in round 1.

Annotated by hand from `../shared/ANNOTATION.md` (two annotators, one batch each, blind to the
extractor's output) before any tuning on them; the extractor of round {args.round} was scored on both halves
first (README.md, Accuracy).

## Counts

{chr(10).join(p + chr(10) for p in parts)}"""
    (out / f"README-round{args.round}.md").write_text(readme, encoding="utf-8")
    return counts


def verify_round2(root: Path, out: Path, docs, first: int = ROUND2_FIRST_BATCH) -> None:
    """Offsets of this round's batches, and no document of an earlier round drawn again."""
    seen: Counter = Counter()
    for f in sorted(out.glob("batch-*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for e in data["documents"]:
            seen[e["doc"]] += 1
            if data["batch"] >= first:
                text = read_text(root / e["doc"])
                for s in e["sentences"]:
                    assert text[s["start"]:s["end"]] == s["text"], (e["doc"], s)
    assert max(seen.values()) == 1, [d for d, n in seen.items() if n > 1]
    print(f"verified batches from {first}: {len(docs)} documents", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
