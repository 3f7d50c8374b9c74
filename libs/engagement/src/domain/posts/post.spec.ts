import { Post, validPostText } from './post.js';
import { PostPublished, PostWithdrawn } from './post.events.js';

const write = (screening: 'allow' | 'hold' | 'hide') =>
  Post.write({ id: 'p1', authorId: 'ann', text: 'Hello', videoId: null, screening });
const eventNames = (post: Post) => post.pullDomainEvents().map((e) => e.constructor.name);

describe('Post', () => {
  it('is announced once, when it first becomes public', () => {
    const post = write('allow');
    expect(eventNames(post)).toEqual([PostPublished.name]);
    expect(post.moderate('hide')).toBe(true);
    expect(eventNames(post)).toEqual([PostWithdrawn.name]);
    expect(post.moderate('restore')).toBe(true);
    expect(eventNames(post)).toEqual([]); // already announced: feeds read its status
  });

  it('stays out of view while held, and an approval announces it', () => {
    const post = write('hold');
    expect(post.isPublic).toBe(false);
    expect(post.visibleTo('ann')).toBe(true);
    expect(post.visibleTo('bob')).toBe(false);
    expect(eventNames(post)).toEqual([]);
    expect(post.moderate('approve')).toBe(true);
    expect(eventNames(post)).toEqual([PostPublished.name]);
    expect(post.moderate('approve')).toBe(false);
  });

  it('is deleted by its author only, leaving no text', () => {
    const post = write('allow');
    post.pullDomainEvents();
    expect(() => post.delete('bob')).toThrow('There is no such post');
    post.delete('ann');
    expect(post.body).toBeNull();
    expect(eventNames(post)).toEqual([PostWithdrawn.name]);
    expect(() => post.delete('ann')).toThrow('There is no such post');
    expect(post.moderate('approve')).toBe(false);
  });

  it('checks the text: trimmed, not blank, counted in characters', () => {
    expect(validPostText('  hi  ', 5)).toBe('hi');
    expect(() => validPostText('   ', 5)).toThrow('A post needs some text');
    expect(validPostText('😀😀😀😀😀', 5)).toBe('😀😀😀😀😀');
    expect(() => validPostText('abcdef', 5)).toThrow('at most 5');
  });
});
