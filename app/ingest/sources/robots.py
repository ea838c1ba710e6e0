"""robots.txt rules for one origin (RFC 9309), as urllib.robotparser reads them, plus the two
verdicts without a file: everything allowed (none published) and nothing (none readable)."""

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

AGENT_TOKEN = "diplomat"  # the name robots.txt rules address


@dataclass(frozen=True)
class Robots:
    parser: RobotFileParser | None
    allow_all: bool = False
    why_not: str = "disallowed by robots.txt"

    @classmethod
    def everything(cls) -> "Robots":
        return cls(None, allow_all=True)

    @classmethod
    def nothing(cls, reason: str) -> "Robots":
        return cls(None, allow_all=False, why_not=reason)

    def allows(self, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(AGENT_TOKEN, url)

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(AGENT_TOKEN)
        return float(delay) if delay is not None else None


def parse_robots(text: str) -> Robots:
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return Robots(parser)
