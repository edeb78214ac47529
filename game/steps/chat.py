"""The `chat` step: a pretend messenger. Messages arrive one by one; the player replies.

A script is a list of entries: a message from a contact, or a reply point where the player picks
one of 2-4 replies. A reply may add its own messages (`then`), end the chat (`end`), and send the
story to a label once the chat is over (`goto`).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from game.content.problems import did_you_mean
from game.steps import Slug, StepModel, StepReference, Text
from game.steps.choice import Result
from game.steps.pictures import AvatarName

Where = tuple[str | int, ...]


class ChatAction(StrEnum):
    """Things a player can do instead of typing an answer."""

    BLOCK = "block"
    REPORT = "report"
    TELL_ADULT = "tell-adult"
    LEAVE = "leave"


ENDING_ACTIONS = frozenset({ChatAction.BLOCK, ChatAction.LEAVE})
"""Actions that end the chat unless the reply says `end: false`."""


class ChatContact(BaseModel):
    """Someone in the chat."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="A name for the contact, used by messages' `from`.")
    name: Text = Field(description="The name shown in the chat, e.g. GoldFox99.")
    avatar: AvatarName | None = Field(default=None, description="A built-in avatar, e.g. fox.")
    known: bool = Field(
        default=False,
        description="true for a friend the player knows in real life; false (the default) for "
        'someone unknown, drawn grey with a "?" and "Not in your contacts".',
    )


class ChatMessage(BaseModel):
    """A message from a contact."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sender: Slug = Field(alias="from", description="The id of the contact who sends it.")
    text: Text = Field(description="The message.")


class ChatReply(BaseModel):
    """One reply the player can pick: words, or an action such as block."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text | None = Field(
        default=None,
        description="The reply as the player sees it. May be left out for an action, which then "
        'says e.g. "Block".',
    )
    action: ChatAction | None = Field(
        default=None, description="block, report, tell-adult or leave; leave out for words."
    )
    result: Result = Field(description="safe, unsafe, or ok (neither).")
    feedback: Text | None = Field(default=None, description="What Sango says about this reply.")
    then: tuple[ChatEntry, ...] = Field(
        default=(), description="Messages (and reply points) that follow this reply only."
    )
    end: bool | None = Field(
        default=None,
        description="true: the chat ends after this reply (and its `then`). By default block "
        "and leave end the chat; other replies do not.",
    )
    goto: Slug | None = Field(
        default=None, description="The label of the step to go to once the chat is over."
    )

    @property
    def ends(self) -> bool:
        """Whether the chat ends after this reply."""
        if self.end is not None:
            return self.end
        return self.action in ENDING_ACTIONS


class ChatReplies(BaseModel):
    """A reply point: the player picks one of 2-4 replies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    replies: tuple[ChatReply, ...] = Field(
        min_length=2, max_length=4, description="The replies to pick from: 2 to 4."
    )


def chat_entry_kind(value: Any) -> str | None:
    """Whether a raw script entry is a message or a reply point."""
    if isinstance(value, ChatMessage):
        return "message"
    if isinstance(value, ChatReplies):
        return "replies"
    if not isinstance(value, dict):
        return None
    if "replies" in value:
        return "replies"
    if "from" in value or "text" in value:
        return "message"
    return None


ChatEntry = Annotated[
    Annotated[ChatMessage, Tag("message")] | Annotated[ChatReplies, Tag("replies")],
    Discriminator(
        chat_entry_kind,
        custom_error_type="chat_entry",
        custom_error_message="a chat line needs `from:` and `text:`, or `replies:` with a list",
    ),
]
"""A message or a reply point."""

ChatReply.model_rebuild()


class Chat(BaseModel):
    """The chat window: who is in it and what is said."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    app: Text | None = Field(default=None, description="A title for the chat window.")
    contacts: tuple[ChatContact, ...] = Field(
        min_length=1, max_length=4, description="Who is in the chat: 1 to 4 contacts."
    )
    script: tuple[ChatEntry, ...] = Field(
        min_length=1, description="Messages and reply points, in order."
    )


class ChatStep(StepModel):
    """A chat with contacts; the player's replies can change what comes next."""

    type_key: ClassVar[str] = "chat"

    chat: Chat = Field(description="The contacts and the script.")

    def contact(self, contact_id: str) -> ChatContact | None:
        """The contact with this id."""
        return next((c for c in self.chat.contacts if c.id == contact_id), None)

    def entries(self) -> Iterator[tuple[Where, ChatMessage | ChatReplies]]:
        """Every message and reply point at any depth, with its data path."""

        def walk(script: tuple[Any, ...], where: Where) -> Iterator[tuple[Where, Any]]:
            for index, entry in enumerate(script):
                path = (*where, index)
                yield path, entry
                if isinstance(entry, ChatReplies):
                    for number, reply in enumerate(entry.replies):
                        yield from walk(reply.then, (*path, "replies", number, "then"))

        yield from walk(self.chat.script, ("chat", "script"))

    def translatable_texts(self) -> Iterator[str]:
        """The window title, contacts' names, then messages, replies and feedback in order."""
        if self.chat.app is not None:
            yield self.chat.app
        for contact in self.chat.contacts:
            yield contact.name
        for _, entry in self.entries():
            if isinstance(entry, ChatMessage):
                yield entry.text
                continue
            for reply in entry.replies:
                if reply.text is not None:
                    yield reply.text
                if reply.feedback is not None:
                    yield reply.feedback

    def references(self) -> Iterator[StepReference]:
        """The labels replies jump to once the chat is over."""
        for where, entry in self.entries():
            if isinstance(entry, ChatReplies):
                for number, reply in enumerate(entry.replies):
                    if reply.goto is not None:
                        yield StepReference("goto", (*where, "replies", number, "goto"), reply.goto)

    def exits(self) -> tuple[str | None, ...]:
        """Every way the chat can end: the goto of the last reply with one, or the next step."""
        found: set[str | None] = set()
        self._follow(list(self.chat.script), None, found)
        return tuple(sorted(found, key=lambda label: (label is not None, label or "")))

    def _follow(self, queue: list[Any], goto: str | None, found: set[str | None]) -> None:
        """Walk every path through the script (scripts are small trees)."""
        for position, entry in enumerate(queue):
            if isinstance(entry, ChatReplies):
                rest = queue[position + 1 :]
                for reply in entry.replies:
                    after = reply.goto if reply.goto is not None else goto
                    following = list(reply.then) + ([] if reply.ends else rest)
                    self._follow(following, after, found)
                return
        found.add(goto)

    def inner_problems(self) -> Iterator[tuple[Where, str]]:
        """Contact ids are unique, messages come from contacts, replies have words."""
        ids: list[str] = []
        for index, contact in enumerate(self.chat.contacts):
            if contact.id in ids:
                yield (
                    ("chat", "contacts", index, "id"),
                    (f"contact id '{contact.id}' is used twice: rename one"),
                )
            ids.append(contact.id)
        for where, entry in self.entries():
            if isinstance(entry, ChatMessage):
                if entry.sender not in ids:
                    yield (
                        (*where, "from"),
                        (
                            f"'{entry.sender}' is not one of this chat's contacts "
                            f"({', '.join(ids)})"
                            + (
                                did_you_mean(entry.sender, ids)
                                or f": add a contact with `id: {entry.sender}`"
                            )
                        ),
                    )
                continue
            for number, reply in enumerate(entry.replies):
                if reply.text is None and reply.action is None:
                    yield (
                        (*where, "replies", number),
                        (
                            "this reply has no words: add `text: ...` "
                            "(or an `action:` such as block)"
                        ),
                    )
